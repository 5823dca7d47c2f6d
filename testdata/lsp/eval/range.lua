-- range: 5-8
-- values: 3
local x = 1
x = nil -- outside the range: not run
local a = 1
local c = a + 2 --= 3
error_if = c ~= 3 and error("wrong") --= false
return c
