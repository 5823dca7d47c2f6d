-- attempt: an ordinary script under a small limit runs to the end
-- expect: ok
-- stdout: ^499500\n$
-- flags: --max-memory 16M
local sb = require("string.buffer")
local b = sb.new()
local t = {}
for i = 1, 999 do t[i] = i; b:put(i, ",") end
local s = 0
for _, v in ipairs(t) do s = s + v end
print(s)
