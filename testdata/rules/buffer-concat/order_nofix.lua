-- The concatenation reads the buffer before a later argument consumes it;
-- passing the pieces as arguments would read it after: no quick fix.
local buffer = require("string.buffer")
local b = buffer.new()
b:put("abc")
io.write(b .. "!", b:get(1)) -- want: buffer-concat
