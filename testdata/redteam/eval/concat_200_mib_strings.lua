-- attempt: table.concat of 200 MiB: small enough for the address-space limit, caught by the resident-memory watch
-- expect: limit memory
-- message: memory limit of 64 MiB exceeded
local s = ("x"):rep(2^20)
local t = {}
for i = 1, 200 do t[i] = s end
return #table.concat(t)
