local sb = require("string.buffer")
local buf = sb.new()
buf:skip() -- want: wrong-arg-count "expects 1 argument \\(len\\), got 0"
buf:reset(true) -- want: wrong-arg-count "extra"
local s = sb.encode() -- want: wrong-arg-count "got 0"
sb.new(1, {}, 3) -- want: wrong-arg-count "at most 2"
buf:tostring(1) -- want: wrong-arg-count
return s
