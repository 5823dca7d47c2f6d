-- target: lua51
-- PUC Lua has no string.buffer: a module required under that name is some
-- other library, so its members are not checked against LuaJIT's.
local buffer = require("string.buffer")
local b = buffer.new()
b:append("x")
b.reset()
return b
