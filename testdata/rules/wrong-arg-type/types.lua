local sb = require("string.buffer")
local buf = sb.new()
buf:skip("4") -- want: wrong-arg-type "argument 1 of sbuf:skip \\(len\\) must be an integer, got the string \"4\""
local offset = "2"
buf:get(offset) -- want: wrong-arg-type
sb.new("16") -- want: wrong-arg-type
sb.decode(42) -- want: wrong-arg-type "must be a string"
buf:put(true) -- want: wrong-arg-type "boolean"
buf:set({}) -- want: wrong-arg-type "table"
