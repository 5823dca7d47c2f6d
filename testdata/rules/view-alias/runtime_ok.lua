-- target: buflsp
-- Operations that leave a view valid: consuming from the front (get, skip,
-- remove from position 1) and reading.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("hello big world")
local word = buf:slice(-5)
buf:get(2)
buf:skip(1)
buf:remove(1, 2)
local _ = buf:tostring(), buf:find("w"), #buf
print(word:tostring())
-- The view's own writes give it its own copy; the source is untouched.
local v = buf:slice(1, 3)
v:put("!")
buf:put(string.rep("y", buf:capacity() + 1))
print(v:tostring())
