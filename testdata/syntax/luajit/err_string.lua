local s = "abc
local t = 1
