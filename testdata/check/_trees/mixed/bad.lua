local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("x"
return buf
