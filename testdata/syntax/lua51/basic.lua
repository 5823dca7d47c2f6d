-- Lua 5.1: goto is a name, unknown escapes pass through.
local goto = 1
local s = "\q\x"
return goto, s
