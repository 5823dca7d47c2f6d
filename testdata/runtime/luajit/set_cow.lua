-- set: zero-copy reference of a string, copy on first write.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local s = "hello world"
local b = buffer.new():put("old")
print(b:set(s) == b, #b, b:tostring())
print(b:get(6), b:tostring())
b:put("!")
print(b:tostring(), s)
b:set("abc"):skip(1)
print(b:tostring(), #b)
b:set("")
print(#b, b:tostring() == "")
b:set("xyz", 1, 2)
print(b:tostring())
b:set("data"):reset()
print(#b)
b:set("data"):free()
print(#b)
b:set("again"):put(1, 2)
print(b:tostring())

try(function() b:set(1) end)
try(function() b:set(nil) end)
try(function() b:set() end)
try(function() b:set(buffer.new()) end)
try(function() b:set({}) end)

-- A set buffer can be read with decode and get, then written.
local enc = buffer.encode({ 1, 2, "x" })
local d = buffer.new():set(enc .. "tail")
local t = d:decode()
print(t[1], t[2], t[3], d:tostring())
