-- Tables filled before the buffer is made, or never passed as options.
local buffer = require("string.buffer")
local keys = {}
for i, k in ipairs({ "id", "name" }) do
  keys[i] = k
end
table.insert(keys, "extra")
local buf = buffer.new({ dict = keys })

local other = { "a" }
local b2 = buffer.new()
other[2] = "b"
table.insert(other, "c")

-- A copy passed as the dict; the original may change.
local src = { "p", "q" }
local copy = { table.unpack and table.unpack(src) or unpack(src) }
local b3 = buffer.new({ dict = copy })
src[3] = "r"
return buf, b2, b3
