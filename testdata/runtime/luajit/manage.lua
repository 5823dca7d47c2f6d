-- reset, free, chaining across every method that returns the buffer.
local buffer = require("string.buffer")

local b = buffer.new(32)
print(b:put("abc"):reset():put("d"):tostring())
print(b:free():put("e"):tostring(), #b:free())
print(b:put("xyz"):skip(1):putf("%d", 7):set("new"):put("!"):tostring())
print(b:encode("s"):get(4))
for i = 1, 3 do b:put(i) end
print(b:tostring(), #b, #b:reset())
-- Independent buffers do not share state.
local x, y = buffer.new(), buffer.new()
x:put("x"); y:put("y")
print(x:tostring(), y:tostring(), x ~= y, x == x)
-- putf %c with bytes >= 128 and embedded zeros is byte exact.
local c = buffer.new():putf("%c%c%c", 200, 0, 255)
print(#c, c:tostring():byte(1, -1))
print(c:tostring() == "\200\0\255")
