-- attempt: string.buffer reserve and setlen of 1 GiB under a 64 MiB limit, each caught
-- expect: ok
-- stdout: false	.*buffer:reserve asked for 1073741824 bytes.*\nfalse	.*buffer:setlen asked for 1073741824 bytes.*\n
-- flags: --max-memory 64M
local sb = require("string.buffer")
local b = sb.new()
print(pcall(b.reserve, b, 2^30))
print(pcall(b.setlen, b, 2^30))
