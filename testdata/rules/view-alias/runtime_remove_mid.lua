-- target: buflsp
-- Removing bytes from the middle moves the rest: the view is stale.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("hello world")
local word = buf:slice(1, 5)
buf:remove(6, 6)
print(word:get()) -- want: view-alias "remove"
