local sb = require("string.buffer")
local buf = sb.new()
local a, b = buf:get(nil, 4) -- want: get-nil-not-last "put nil last"
local c, d, e = buf:get(1, nil, 2) -- want: get-nil-not-last "argument 2 of 3"
return a, b, c, d, e
