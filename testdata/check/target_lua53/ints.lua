local a = 7 // 2 | 1
local b <const> = a
print(b)
