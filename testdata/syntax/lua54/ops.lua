-- Lua 5.4: integer division, bitwise operators, attributes, goto.
local x <const>, y <close> = 7 // 2, nil
local z = 1 << 4 | 3 & ~0 ~ 5 >> 1
for i = 1, 3 do
  if i == 2 then goto continue end
  ::continue::
end
return x, y, z, "\u{7FFFFFFF}", 0x1p-2
