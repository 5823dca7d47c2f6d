-- string.buffer with the values random programs found differing: light
-- userdata (refused by put, printed by tostring and %s, equal ones one
-- table key), __tostring returning other than a string, %q of any value,
-- NaN with flags, format options with control characters, decode errors
-- with and without a position.
local buffer = require("string.buffer")
local L0 = buffer.decode("\3")
local L1 = buffer.decode("\5\1\2\3\4\5\6\7\8")
print(type(L0), tostring(L0), tostring(L1), tostring(buffer.decode("\4\255\255\255\255")))
print(pcall(function() return buffer.new():put(L0):tostring() end))
print(pcall(function() return buffer.new():putf("%s|%q", L1, L0):tostring() end))
local N = setmetatable({}, {__tostring = function() return 42 end})
local Z = setmetatable({}, {__tostring = function() return nil end})
print(type(tostring(N)), type(tostring(Z)))
print(pcall(print, N))
print(pcall(print, Z))
print(pcall(string.format, "%s|%s|%5s|%q|%q", N, Z, N, N, Z))
print(pcall(function() return buffer.new():put(N):tostring() end))
print(pcall(function() return buffer.new():put(Z):tostring() end))
print(pcall(function() return buffer.new():putf("%q|%q|%q", nil, true, 1/0):tostring() end))
print(pcall(string.format, "%-8q|%.3q", "a", "bcde"))
for _, f in ipairs{"%+f", "% f", "%+.2e", "% g", "%+a", "%-+8.2f|", "%+5.1f|", "%05.1f|"} do
  print(f, string.format(f, 0/0), string.format(f, -(0/0)), string.format(f, 1/0), string.format(f, -1/0))
end
for _, c in ipairs{0, 1, 9, 31, 32, 127, 128} do
  local ok, e = pcall(string.format, "%5" .. string.char(c))
  print(c, string.format("%q", e))
end
print(pcall(function() local t = buffer.decode("\9\1\0\33") end))
print(pcall(function() local t = buffer.decode("\9\1\7\0\0\0\0\0\0\248\255\33") end))
print(pcall(function() local t = buffer.decode("\9\1") end))
print(pcall(function() local t = buffer.new():set("\9\1\0\33"):decode() end))
print(pcall(function() local t = buffer.decode("\9\2\3\2\3\1") end))
print(pcall(function() local t = buffer.decode("\9\2\5\1\0\0\0\0\0\0\0\2\5\1\0\0\0\0\0\0\0\1") end))
print(pcall(function() local t = buffer.decode("\9\2\4\1\0\0\0\2\4\2\0\0\0\1") local n = 0 for _ in pairs(t) do n = n + 1 end return n end))
print(pcall(function() return buffer.new({dict = {"a", "b", x = 1}}):encode("a"):decode() end))
print(string.format("%c|%c", 0x80299ff9 % 256 + 65, 66))
print(table.concat({1/0, -(0/0), 2^53, 0.1}, ","), pcall(table.concat, {1, {}}))
print(math.max(32, 0/0), math.max(0/0, 32), math.min(0, -0.0), math.modf(1/0))
print(string.sub("abc", math.huge, 1), string.sub("abc", 0/0), string.byte("abc", 2.5), string.sub("abc", "2"))
-- A dict table with hash keys is taken as prepared: a string key's number
-- value is read as the index (low 32 bits of the number).
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for _, x in ipairs{1, 2.5, 2^-1074, 3 * 2^-1074, -0.0, 0/0, true} do
  local e = buffer.new({dict = {"a", "b", x = x}})
  local ok, err = pcall(e.encode, e, {x = 1})
  print(tostring(x), ok and hex(e:tostring()) or err, select(2, pcall(function() return next(e:decode()) end)))
end
print(math.ldexp(0, math.huge), math.ldexp(0, 1e10), math.ldexp(5, -math.huge), math.ldexp(0, -math.huge), math.ldexp(1/0, -math.huge), math.ldexp(3, 2^31), math.ldexp(3, -2^31-5), math.ldexp(1, 1023.9))
