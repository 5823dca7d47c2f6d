-- A syntax error reports its line.
local x = 1
local y = = 2
