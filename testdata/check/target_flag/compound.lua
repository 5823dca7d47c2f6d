local n = 0
n += 1
return n
