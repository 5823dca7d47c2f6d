-- target: luajit
-- The first-line comment wins over the .luarc.jsonc.
local n = 1LL
print(n)
