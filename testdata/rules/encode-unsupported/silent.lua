-- Values the serializer handles; unknown values are not judged.
local sb = require("string.buffer")
local buf = sb.new()
sb.encode({ 1, "two", { three = 3 }, false })
sb.encode(nil)
buf:encode(get_value())
local t = { name = "x" }
buf:encode(t)
t.self = t -- after the encode
local u = {}
u.child = {}
buf:encode(u)
