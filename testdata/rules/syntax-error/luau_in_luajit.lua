-- Luau's compound assignment is not LuaJIT syntax.
local n = 0
n += 1 -- want: syntax-error
