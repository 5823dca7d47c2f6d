-- eval: max-memory=1048576 timeout=60s
-- A string.buffer that doubles itself is stopped once it holds more than
-- the limit.
local sb = require("string.buffer")
local b = sb.new():put("0123456789abcdef")
for i = 1, 40 do
  b:put(b:tostring())
end
