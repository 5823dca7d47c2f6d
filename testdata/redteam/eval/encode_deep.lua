-- attempt: string.buffer encode of a table nested 10,000 deep
-- expect: runtime
-- message: too deep to serialize
local sb = require("string.buffer")
local t = {}
for i = 1, 1e4 do t = {t} end
return sb.encode(t)
