-- In a LuaJIT file a global named buffer is nothing known: it may have
-- been set up elsewhere, so its members are not checked.
local b = buffer.new(8)
b:append("x")
