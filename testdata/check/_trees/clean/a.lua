local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("hello")
return buf:tostring()
