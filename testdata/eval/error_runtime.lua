-- A runtime error reports its line.
local t = nil

print("before")
return t.field
