-- put: strings, numbers, buffers, __tostring, chaining, errors, non-atomicity.
local buffer = require("string.buffer")
-- gopher-lua folds a -0 literal into the constant 0, so -0 is computed.
local zero = 0
local negzero = -zero

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new()
b:put("abc", "", "\0z")
print(#b, b:tostring() == "abc\0z")
b:reset()
b:put(1, negzero, 0.5, 1/3, 1e14, 99999999999999, 2^53, 1e-5, 1e-4, 1/0, -1/0, 0/0)
print(b:tostring())
b:reset()

local other = buffer.new():put("other")
b:put(other, other)
print(b:tostring(), other:tostring())

local obj = setmetatable({}, { __tostring = function() return "OBJ" end })
local num = setmetatable({}, { __tostring = function() return 42 end })
local buf = setmetatable({}, { __tostring = function() return other end })
b:reset():put(obj, num, buf)
print(b:tostring())

print(b:put() == b, b:reset() == b, b:free() == b)
print(b:put("x"):put("y"):put("z"):tostring())

b:reset()
try(function() b:put("a", "b", {}) end)
print(b:tostring())
try(function() b:put(nil) end)
try(function() b:put(true) end)
try(function() b:put(print) end)
try(function() b:put(b) end)
try(function() b:put("ok", b) end)
try(function() b:put(setmetatable({}, { __tostring = function() return {} end })) end)
try(function() b:put(setmetatable({}, { __tostring = function() return nil end })) end)
try(function() b:put(setmetatable({}, { __tostring = function() return true end })) end)
try(function()
  local inner = setmetatable({}, { __tostring = function() return "deep" end })
  b:put(setmetatable({}, { __tostring = function() return inner end }))
end)
try(function() b:put(setmetatable({}, { __tostring = function() error("from tostring") end })) end)
print(b:tostring())

-- A long series of puts grows the buffer.
local big = buffer.new()
for i = 1, 10000 do big:put(i, ",") end
print(#big, big:get(20))
