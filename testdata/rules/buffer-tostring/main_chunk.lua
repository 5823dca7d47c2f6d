-- Code that runs once still copies for nothing when the sink takes the buffer.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("header\n")
io.write(buf:tostring()) -- want: buffer-tostring "io.write"
local s = buf:tostring() -- a string that is kept is not a waste
print(#s)
