-- target: buflsp
-- Appending past the capacity moves the source's bytes: the view is stale.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("header")
local head = buf:slice(1, 3)
buf:put(string.rep("x", buf:capacity() + 1))
print(head:tostring()) -- want: view-alias "appended to"
