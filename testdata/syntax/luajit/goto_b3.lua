local x
if x then break end
print(1)
