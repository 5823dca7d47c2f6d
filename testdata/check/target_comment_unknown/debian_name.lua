-- target: lua5.3
local n = 7 // 2
print(n)
