-- attempt: a table that contains itself, returned for rendering
-- expect: ok
local t = {}
t[1] = t
return t
