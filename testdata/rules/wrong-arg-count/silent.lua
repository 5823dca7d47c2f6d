-- Right counts, open argument lists and unknown callees.
local sb = require("string.buffer")
local buf = sb.new()
buf:put()
buf:put("a", "b", "c")
buf:get(1, 2, nil)
buf:skip(select(2, ...))
local function sizes() return 1, 2 end
sb.new(sizes())
buf:putf("%d %d", 1, 2)
local t = {}
t:whatever(1, 2, 3)
