-- target: lua53
-- The global buffer is Luau's library only on luau and buflsp targets; on
-- PUC Lua it is whatever the program defined.
local b = buffer.create(4)
print(buffer.readu32(b, 8))
return b
