-- attempt: a result nested a million tables deep, for the renderer
-- expect: limit memory|timeout
local t = {}
for i = 1, 1e6 do t = {t} end
return t
