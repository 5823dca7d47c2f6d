-- '..' with a string.buffer operand copies the buffer into a new string.
local buffer = require("string.buffer")
local out = buffer.new()
out:put("abc")

print("wrote " .. out) -- want: buffer-concat "out"
local s = out .. "\n" -- want: buffer-concat "new string"
local t = "[" .. out .. "]" -- want: buffer-concat
io.write(s, t)

-- Passed straight to something that accepts buffers: the fix splices the
-- pieces into its arguments.
io.write("data: " .. out .. "\n") -- want: buffer-concat
local log = buffer.new()
log:put("line: " .. out) -- want: buffer-concat
local f = io.open("/dev/null", "w")
f:write(out .. "\n") -- want: buffer-concat
f:close()

-- Chained methods still give the buffer.
local u = out:put("x") .. "y" -- want: buffer-concat
return s, t, u
