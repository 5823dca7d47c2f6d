-- target: buflsp
-- Consuming and then appending into the freed space compacts the data,
-- which moves the bytes under the view.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put(string.rep("a", 100))
buf:put(string.rep("a", buf:capacity() - #buf))
local tail = buf:slice(-4)
buf:skip(#buf - 8)
buf:put("bbbbbbbb")
print(#tail) -- want: view-alias "stale"
