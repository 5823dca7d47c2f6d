-- The buffer is passed, or the function is a module function.
local sb = require("string.buffer")
local buf = sb.new()
pcall(buf.encode, buf, {})
pcall(sb.encode, {})
pcall(sb.decode, "x")
xpcall(buf.decode, debug.traceback, buf)
local t = { f = function() end }
pcall(t.f, 1)
