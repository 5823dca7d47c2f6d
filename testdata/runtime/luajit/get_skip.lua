-- get and skip: lengths, nil, exhaustion, integer argument rules.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new():put("0123456789")
print(b:get(3))
print(b:get(2, 1, nil))
print(#b, b:get() == "", select("#", b:get(1, 2, 3)))
b:put("abcdef")
print(b:get(1.9), b:get(-0.5), b:get(0))
print(b:skip(2) == b, b:tostring())
print(b:skip(100):tostring() == "", #b)
b:put("xyz")
print(b:get(100), #b)

b:put("hello")
try(function() b:get("1") end)
try(function() b:get(-1) end)
try(function() b:get(1/0) end)
try(function() b:get(0/0) end)
try(function() b:get(2^31) end)
try(function() b:get(1e10) end)
try(function() b:get({}) end)
try(function() b:skip() end)
try(function() b:skip("2") end)
try(function() b:skip(-1) end)
print(b:tostring())
-- A bad later argument raises after earlier ones were consumed.
try(function() b:get(2, "x") end)
print(b:tostring())

-- Interleaved writes and reads reuse the space.
local q = buffer.new()
local total = 0
for i = 1, 1000 do
  q:put(string.rep("x", i % 17))
  total = total + #q:get(i % 5)
end
print(total, #q)
