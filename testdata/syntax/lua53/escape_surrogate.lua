-- Lua 5.3 encodes surrogates (LuaJIT does not).
local a = "\u{D800}\u{DFFF}"
print(a)
