-- attempt: a string.buffer grown by put in a loop
-- expect: limit memory
local b = require("string.buffer").new()
local s = ("x"):rep(2^20)
while true do b:put(s) end
