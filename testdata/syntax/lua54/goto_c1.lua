local x <const> = 1
print(x)
x = 2
print(3)
