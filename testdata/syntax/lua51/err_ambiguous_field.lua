-- Lua 5.1 reads ahead after a name in a table constructor, so a "(" on
-- the next line is a call, not an ambiguity; further ones still are.
local t = { f
(1) }
local u = { g
"s"
(2) }
