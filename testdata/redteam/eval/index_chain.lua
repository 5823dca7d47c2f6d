-- attempt: an __index chain 100,000 tables long
-- expect: runtime|limit memory
local t = {}
for i = 1, 1e5 do t = setmetatable({}, {__index = t}) end
return t.x
