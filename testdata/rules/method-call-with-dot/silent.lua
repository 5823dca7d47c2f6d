-- Explicit self, right operators, and unknown tables.
local sb = require("string.buffer")
local buf = sb.new()
buf.put(buf, "x")
buf:put("y")
local s = sb.encode({})
local t = {}
t.put("x")
t:new()
return s
