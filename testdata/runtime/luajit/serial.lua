-- encode/decode through the string.buffer module and methods.
local buffer = require("string.buffer")
-- gopher-lua folds a -0 literal into the constant 0, so -0 is computed.
local zero = 0
local negzero = -zero

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

print(hex(buffer.encode(nil)), hex(buffer.encode(true)), hex(buffer.encode(false)))
print(hex(buffer.encode(1)), hex(buffer.encode(negzero)), hex(buffer.encode("abc")))
print(hex(buffer.encode({})), hex(buffer.encode({ 1, 2, 3 })), hex(buffer.encode({ a = 1 })))
print(hex(buffer.encode({ [0] = 0, 1, 2 })), hex(buffer.encode({ 1, 2, x = 3 })))
print(#buffer.encode(string.rep("x", 191)), #buffer.encode(string.rep("x", 192)))

local t = buffer.decode(buffer.encode({ 1, "two", { nested = true }, [10] = 10.5, k = "v" }))
print(t[1], t[2], t[3].nested, t[10], t.k)

local b = buffer.new()
print(b:encode({ 1, 2 }):encode("s"):encode(nil) == b, #b)
local x = b:decode()
print(x[1], x[2], b:decode(), b:decode(), #b)

-- Streaming: an incomplete value consumes nothing and can be completed.
local whole = buffer.encode({ "stream", 42 })
local s = buffer.new():put(whole:sub(1, 5))
try(function() s:decode() end)
print(#s)
s:put(whole:sub(6))
local v = s:decode()
print(v[1], v[2], #s)

try(function() buffer.decode("") end)
try(function() buffer.decode("\1\1") end)
try(function() buffer.decode("\19") end)
try(function() buffer.decode("\15\0") end)
try(function() buffer.decode("\14\0\7") end)
try(function() buffer.encode(print) end)
try(function() buffer.encode(coroutine.create(print)) end)
try(function() buffer.encode(buffer.new()) end)
try(function() local r = {}; r[1] = r; buffer.encode(r) end)
try(function() buffer.new():decode() end)
try(function() b:encode(function() end) end)
print(#b)

-- Dictionaries.
local dict = { "name", "value" }
local mt = setmetatable({}, {})
local mts = { {} }
local d = buffer.new({ dict = dict, metatable = mts })
local item = setmetatable({ name = "n", value = 1 }, mts[1])
d:encode(item)
local enc = d:tostring()
local back = buffer.new({ dict = dict, metatable = mts }):set(enc):decode()
print(back.name, back.value, getmetatable(back) == mts[1])
try(function() buffer.decode(enc) end)
