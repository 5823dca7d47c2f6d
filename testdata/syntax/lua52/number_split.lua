-- "3x" is the number 3 followed by the name x in Lua 5.2 and 5.3.
local a = 3x = 1
local h = 0x1p4 + 0x.8
