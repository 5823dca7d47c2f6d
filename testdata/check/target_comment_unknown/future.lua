-- target: lua55
local x <const> = 1
print(x)
