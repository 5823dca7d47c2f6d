-- target: buflsp
-- Each kind used with its own API.
local sb = require("string.buffer")
local s = sb.new()
local l = buffer.create(8)
buffer.writeu8(l, 0, 1)
s:put(buffer.tostring(l))
local l2 = buffer.fromstring(s:tostring())
buffer.copy(l, 0, l2, 0, 1)
