-- Buffers inside tables render the same way.
local sb = require("string.buffer")
return {name = "packet", data = buffer.fromstring("\1\2\3"), out = sb.new():put("ok")}
