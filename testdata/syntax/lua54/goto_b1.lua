local x = 1
break
local y = 2

print(y)
