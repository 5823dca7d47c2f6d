-- Valid Lua 5.4: the .luarc.jsonc above selects lua54.
local limit <const> = 10
local half = limit // 2
local mask = half & 0xF | 1 << 2
print(half, mask, "\u{7FFFFFFF}")
