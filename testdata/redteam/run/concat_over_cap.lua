-- attempt: table.concat of 100 strings of 1 MiB under a 64 MiB limit
-- expect: error
-- message: not enough memory \(table.concat asked for
-- flags: --max-memory 64M
local s = ("x"):rep(2^20)
local t = {}
for i = 1, 100 do t[i] = s end
print(#table.concat(t))
