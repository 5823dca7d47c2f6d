local sb = require("string.buffer")
local buf = sb.new()
local a, b = buf:get(4, nil)
local c = buf:get(nil)
local t = {}
t:get(nil, 1)
return a, b, c
