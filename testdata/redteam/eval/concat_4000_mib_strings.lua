-- attempt: table.concat of 4,000 strings of 1 MiB under 2 s / 64 MiB (issue 14: stopped only after 4-12 s at 1.6-4 GiB)
-- expect: limit memory
-- message: table.concat would build more than
local s = ("x"):rep(2^20)
local t = {}
for i = 1, 4000 do t[i] = s end
return #table.concat(t)
