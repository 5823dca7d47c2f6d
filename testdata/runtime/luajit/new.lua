-- buffer.new: sizes, options, argument errors, object model.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

print(type(buffer), string.buffer, type(buffer.new), type(buffer.encode), type(buffer.decode))
local keys = {}
for k in pairs(buffer) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))

local b = buffer.new()
print(type(b), #b, getmetatable(b), b:tostring() == "")
print(#buffer.new(100), #buffer.new(0), #buffer.new(nil), #buffer.new({}), #buffer.new({}, 5))
print(#buffer.new(1.9), #buffer.new(-0.5), #buffer.new(2147483392))
print(b.tostring == b.__tostring, rawequal(b.put, buffer.new().put))

try(function() buffer.new(-1) end)
try(function() buffer.new("10") end)
try(function() buffer.new(2147483393) end)
try(function() buffer.new(2^31) end)
try(function() buffer.new(1/0) end)
try(function() buffer.new(0/0) end)
try(function() buffer.new(10, nil) end)
try(function() buffer.new(nil, 5) end)
try(function() buffer.new(true) end)
try(function() buffer.new(10, "x") end)
try(function() buffer.new({ dict = { "a", 1 } }) end)
try(function() buffer.new({ metatable = { {}, "x" } }) end)
try(function() buffer.new({ dict = "ignored", metatable = 42, unknown = 1 }) end)
try(function() buffer.new({ dict = { "a", false, "b" } }) end)
try(function() buffer.new(16, { dict = {} }) end)

-- Methods need a buffer as self.
try(function() b.put({}, "x") end)
try(function() b.tostring("x") end)
try(function() local t = { put = b.put }; t:put("x") end)
