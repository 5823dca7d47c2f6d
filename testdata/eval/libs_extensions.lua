-- buflsp's editing extensions work on string.buffer objects.
local sb = require("string.buffer")
local b = sb.new():put("hello world")
local v = b:slice(1, 5)
return b:find("world"), v, b:capacity() >= 11
