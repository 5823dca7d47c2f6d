-- Concatenations without a buffer operand are ordinary Lua.
local buffer = require("string.buffer")
local out = buffer.new()
out:put("abc")
local a = "x" .. "y"
local b = out:tostring() .. "!"
local c = #out .. " bytes"
local d = tostring(out)
local e = d .. a
local n = 1 .. 2
local parts = { a, b, c, e, n }
io.write(table.concat(parts, ","), "\n")
