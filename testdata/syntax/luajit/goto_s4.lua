local x
if x then
  goto a
end
local y
::a::
print(1)
