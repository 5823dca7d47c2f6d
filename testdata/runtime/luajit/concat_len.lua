-- .., #, tostring and print on buffers.
local buffer = require("string.buffer")
-- gopher-lua folds a -0 literal into the constant 0, so -0 is computed.
local zero = 0
local negzero = -zero

local b = buffer.new():put("ab")
print(b .. "x", "x" .. b, b .. b, 1 .. b, b .. 0.5, b .. 1/3, negzero .. b)
print(type(b .. ""), #b, b:tostring())
print(tostring(b), b)
print(#buffer.new(), tostring(buffer.new()) == "")
local s = "[" .. b .. "]" .. b
print(s, #s)
print(string.len(tostring(b)), #tostring(buffer.new():put(1e100)))
print(b .. 2^53, b .. 1e15, b .. 123456789012345)
