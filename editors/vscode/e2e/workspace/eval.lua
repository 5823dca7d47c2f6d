-- Evaluated by the VS Code end-to-end test: prints a line and returns the buffer's length (14).
local buffer = require("string.buffer")
local b = buffer.new()
b:put("hello, ", "buffers")
print(b:tostring())
return #b
