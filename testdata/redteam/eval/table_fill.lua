-- attempt: a table filled with fresh tables until memory runs out
-- expect: limit memory|timeout
local t = {}
for i = 1, 1e8 do t[i] = {} end
