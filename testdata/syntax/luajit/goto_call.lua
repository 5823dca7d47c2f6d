-- LuaJIT reads ahead after "goto" at the start of a statement.
goto
(1)
local t = { f
(1) }
