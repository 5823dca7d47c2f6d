local a = 7
local b = a // 2
