local sb = require("string.buffer")
local buf = sb.new()
buf.put("x") -- want: method-call-with-dot "buf:put"
buf.reset() -- want: method-call-with-dot
local b2 = sb:new() -- want: method-call-with-dot "sb.new"
local s = sb:encode({}) -- want: method-call-with-dot
return b2, s
