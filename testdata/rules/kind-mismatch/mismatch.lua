-- target: buflsp
local sb = require("string.buffer")
local s = sb.new()
local l = buffer.create(8)
buffer.readu8(s, 0) -- want: kind-mismatch "string.buffer object"
s:put(l) -- want: kind-mismatch "Luau buffer"
l:put("x") -- want: kind-mismatch "string.buffer method"
l:readu8(0) -- want: kind-mismatch "buffer.readu8\\(l, ...\\)"
buffer.copy(l, 0, s) -- want: kind-mismatch
