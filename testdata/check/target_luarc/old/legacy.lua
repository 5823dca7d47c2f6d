-- The nearest .luarc.json (Lua 5.1) decides: 5.1 has no goto.
for i = 1, 3 do
  if i == 2 then goto continue end
  print(i)
  ::continue::
end
