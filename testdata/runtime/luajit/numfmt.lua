-- Number to text: tostring, print, put and %s use LuaJIT's %.14g rules,
-- including rounding of exact decimal ties away from zero.
local buffer = require("string.buffer")
-- gopher-lua folds a -0 literal into the constant 0, so -0 is computed.
local zero = 0
local negzero = -zero

local values = {
  0, negzero, 1, -1, 0.1, 0.5, 1/3, 2/3, 1e14, 1e15, 99999999999999, 123456789012345,
  2^31, 2^32, 2^53, 2^63, 2^64, 1e300, 1e-300, 1e-5, 1e-4, 5e-324, 2^-1074, 2^-1022,
  1.7976931348623157e308, 2^-21, 2^-5, 2.25, 0.125, 1e21, 1e22, 3.14159265358979,
  1/0, -1/0, 0/0, 0.1 + 0.2, 100, 1e100, 12345678901234567890, 1.5e-7, 9.5, 0.05,
  4503599627370497, 1234567.0625, 0.0001220703125, 1e14 + 0.5, 98765432109876.5,
}
local b = buffer.new()
for _, x in ipairs(values) do
  b:put(x, " ")
  print(tostring(x), string.format("%s", x))
end
print(b:tostring())

-- A deterministic pseudo-random sweep over magnitudes and digit patterns.
local seed = 12345
local function rnd()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local out = {}
for i = 1, 400 do
  local m = rnd() / 2147483648 + rnd()
  local e = rnd() % 80 - 40
  local x = m * 10 ^ e
  if i % 3 == 0 then x = -x end
  if i % 7 == 0 then x = math.floor(x) + 0.5 end
  if i % 11 == 0 then x = rnd() * 2^(rnd() % 60 - 30) end
  out[#out + 1] = tostring(x)
end
print(table.concat(out, "\n"))
