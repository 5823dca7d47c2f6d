-- Putting one buffer into another inside a loop copies it every iteration.
local buffer = require("string.buffer")
local out = buffer.new()
local item = buffer.new()
for i = 1, 10 do
  item:reset()
  item:put("item ", i, "\n")
  out:put(item) -- want: buffer-put-buffer "item"
end
local rows = { "a", "b" }
for _, row in ipairs(rows) do
  local line = buffer.new()
  line:put(row)
  out:put("<", line, ">") -- want: buffer-put-buffer
end
return out:tostring()
