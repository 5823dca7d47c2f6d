local sb = require("string.buffer")
local buf = sb.new()
sb.encode(print) -- want: encode-unsupported "function"
buf:encode(function() end) -- want: encode-unsupported
sb.encode(coroutine.create(print)) -- want: encode-unsupported "thread"
local msg = { id = 1, cb = function() end } -- want: encode-unsupported "function field"
sb.encode(msg)
local t = { name = "loop" }
t.self = t
buf:encode(t) -- want: encode-unsupported "refers to itself"
