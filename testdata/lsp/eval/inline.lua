-- values: 14
-- output: hello, buffers
local buffer = require("string.buffer")
local b = buffer.new()
b:put("hello, ", "buffers")
#b --= 14
b:tostring() --= "hello, buffers"
local n = #b * 2 --= 28
local s, e = ("x=1"):find("=") --= 2, 2
print(b:tostring()) --= (no value)
local t = {1, 2, x = "y"} --= {1, 2, x = "y"}
local count = 0
for i = 1, 3 do
  count = count + i --= 6 (last of 3 runs)
end
local never = false
if never then
  never = 1 --=
end
local text = "a --= b" -- a string, not a mark
local f = function(a,
  b) --=
  return a + b
end
b --= string.buffer(14) "hello, buffers"
return #b
