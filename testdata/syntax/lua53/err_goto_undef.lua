local t = {}
for i = 1, 2 do
  goto continue
  local y = i
  ::continue::
end
goto nowhere
print(t)
