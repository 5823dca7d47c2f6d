-- target: buflsp
-- The buflsp target has the editing extensions.
local sb = require("string.buffer")
local buf = sb.new()
buf:put("hello world")
local v = buf:slice(1, 5)
v:clone()
buf:insert(1, ">")
buf:splice(1, 2) -- want: unknown-member "splice"
