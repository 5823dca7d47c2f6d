-- Buffers render as kind, length and a hex/ASCII preview.
local sb = require("string.buffer")
local b = sb.new():put("hello\0world", 42)
local lb = buffer.create(4)
buffer.writeu32(lb, 0, 0xdeadbeef)
local long = buffer.fromstring(string.rep("ABCDEFGH", 8))
return b, lb, long, sb.new(), buffer.create(0)
