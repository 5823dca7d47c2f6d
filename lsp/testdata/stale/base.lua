local buffer = require("string.buffer")
local sbuf = buffer.new()
sbuf:set("héllo", 1)
local n = 42
local p, len = sbuf:ref()
sbuf:reset()
print(n, p, len)
local q = sbuf
