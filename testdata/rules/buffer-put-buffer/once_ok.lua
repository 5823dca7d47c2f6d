-- Outside loops, or with strings, putting is fine.
local buffer = require("string.buffer")
local out = buffer.new()
local head = buffer.new()
head:put("HDR")
out:put(head)
for i = 1, 3 do
  out:put("x", i)
end
local function copy(dst, src)
  dst:put(src)
end
copy(out, head)
for i = 1, 2 do
  out:put(tostring(i))
end
return out:tostring()
