local x = 1
break
print(x)

