-- The string is needed, or the buffer changes inside the loop: silent.
local buffer = require("string.buffer")
local out = buffer.new()
out:put("abc")
local s = out:tostring()
local n = #tostring(out)
local u = string.upper(out:tostring())
print(s, n, u)
local map = {}
map[out:tostring()] = true

-- Each iteration sees different contents.
local parts = {}
for i = 1, 3 do
  out:reset()
  out:put("item ", i)
  parts[i] = out:tostring()
end

-- The buffer is handed to a function that may change it.
local function fill(b) b:put("z") end
for i = 1, 2 do
  fill(out)
  parts[#parts + 1] = tostring(out)
end

-- tostring of something that is not a buffer.
for i = 1, 3 do
  io.write(tostring(i))
end
local t = {}
io.write(tostring(t))

return parts, map
