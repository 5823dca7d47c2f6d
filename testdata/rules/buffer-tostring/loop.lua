-- tostring inside a loop of a buffer the loop never changes builds the same
-- string on every iteration.
local buffer = require("string.buffer")
local header = buffer.new()
header:put("HDR")
local seen = {}
for i = 1, 10 do
  seen[i] = header:tostring() .. i -- want: buffer-tostring "loop"
end
local n = 0
while n < 3 do
  local s = tostring(header) -- want: buffer-tostring "loop"
  n = n + #s
end
return seen, n
