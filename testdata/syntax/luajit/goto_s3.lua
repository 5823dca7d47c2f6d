do
goto a
local x = 1
::a::
end
print(2)
