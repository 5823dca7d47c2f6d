-- A later argument changes the buffer before io.write runs: passing the
-- buffer would print what is left after get, not what tostring saw
-- (abca became bca), so the finding has no quick fix.
local buffer = require("string.buffer")
local b = buffer.new()
b:put("abc")
io.write(b:tostring(), b:get(1)) -- want: buffer-tostring "no quick fix"
io.write(b:tostring(), tostring(#b)) -- want: buffer-tostring "no quick fix"
