-- Near misses: nothing here is an unknown member of a known buffer kind.
local sb = require("string.buffer")
local buf = sb.new()
buf:put("a"):put("b")
local s = buf:tostring()
-- A table of our own that happens to be called buffer.
local buffer = { append = function() end }
buffer.append()
-- An unknown object: nothing is known about it.
local obj = get_object()
obj:append("x")
-- Helpers added to the module by the program itself.
sb.fast_new = function() return sb.new(64) end
sb.fast_new()
-- The global buffer is not assumed to be Luau's library in a LuaJIT file.
buffer2 = buffer
return s
