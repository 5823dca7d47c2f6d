-- attempt: one Go-side allocation of 40 GB: table.concat of 40,000 strings of 1 MiB (issue 14: a Go fatal out-of-memory that took the server down)
-- expect: limit memory
-- message: table.concat would build more than
local s = ("x"):rep(2^20)
local t = {}
for i = 1, 40000 do t[i] = s end
return #table.concat(t)
