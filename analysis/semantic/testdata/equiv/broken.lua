local x = buf:
local function f(a, , b)
  return a + b
local = 3
function t:() end
for = 1 do end
goto
:: ::
print(x, y
local y <weird> = 1
