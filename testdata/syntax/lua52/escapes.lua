local s = "\x41\z
    b"
local t = "\65\066"
print(s, t)
