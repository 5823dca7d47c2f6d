local sb = require("string.buffer")
local a = sb.new({ dict = { "id", 1 } }) -- want: invalid-codec-options "bad options table"
local b = sb.new(64, { metatable = { "x" } }) -- want: invalid-codec-options "tables"
local c = sb.new({ dict = { "a", nil, "b" } }) -- want: invalid-codec-options "hole"
local d = sb.new({ dict = { "a", x = "b" } }) -- want: invalid-codec-options "keys"
local e = sb.new({ dict = "id" }) -- want: invalid-codec-options "ignores"
local keys = { "id", "kind", true }
local f = sb.new({ dict = keys }) -- want(-1): invalid-codec-options "boolean|bad options"
return a, b, c, d, e, f
