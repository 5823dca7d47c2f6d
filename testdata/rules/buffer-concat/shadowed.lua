-- A local named out that is a plain string, next to a buffer elsewhere.
local buffer = require("string.buffer")
local function render()
  local b = buffer.new()
  b:put("x")
  return b:tostring()
end
local out = render()
print("got " .. out)
local out2 = "plain"
out2 = out2 .. "!"
return out2
