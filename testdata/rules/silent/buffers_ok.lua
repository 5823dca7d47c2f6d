-- Correct string.buffer use: silent.
local buffer = require("string.buffer")
local buf = buffer.new()
for i = 1, 10 do
  buf:put("item ", i, "\n")
end
io.write(buf) -- io.write takes the buffer itself: no copy
buf:reset()
local enc = buffer.encode({ 1, 2, 3 })
local t = buffer.decode(enc)
return t
