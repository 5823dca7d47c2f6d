-- attempt: table.concat of 200 MiB: refused by the sandbox's size check before it allocates
-- expect: limit memory
-- message: table.concat would build more than
local s = ("x"):rep(2^20)
local t = {}
for i = 1, 200 do t[i] = s end
return #table.concat(t)
