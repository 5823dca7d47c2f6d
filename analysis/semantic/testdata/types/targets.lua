-- In a LuaJIT file the global buffer is not assumed to be Luau's library,
-- and extensions are not available.
local b = buffer.create(4)
local sb = require("string.buffer")
local x = sb.new()
local v = x:slice(1, 2)
x.put("y")
return b, v
