local x = 1
local y = = 2 -- error: syntax error
return x
