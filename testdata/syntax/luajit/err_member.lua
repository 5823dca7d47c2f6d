local buffer = require("string.buffer")
local buf = buffer.new()
local x = buf:--[[ERROR "expected <name> near <eof>"]]
