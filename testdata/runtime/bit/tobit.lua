-- bit.tobit: normalisation of numbers and numeric strings to signed 32 bits.
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[i] = type(v) == "number" and string.format("%d", v) or tostring(v)
  end
  print(table.concat(t, " "))
end
-- quote a string without %q, whose output differs between interpreters
local function q(s)
  return '"' .. s:gsub("[^%w%p ]", function(c) return string.format("\\%d", c:byte()) end) .. '"'
end

show(bit.tobit(0), bit.tobit(1), bit.tobit(-1), bit.tobit(0x7fffffff), bit.tobit(0x80000000))
show(bit.tobit(0xffffffff), bit.tobit(2^32), bit.tobit(2^32 + 1), bit.tobit(-2^31), bit.tobit(-2^31 - 1))
-- fractions round to nearest, ties to even
show(bit.tobit(0.4), bit.tobit(0.5), bit.tobit(1.5), bit.tobit(2.5), bit.tobit(3.5))
show(bit.tobit(-0.5), bit.tobit(-1.5), bit.tobit(-2.5), bit.tobit(0.5000001), bit.tobit(-0.4999999))
-- large values wrap modulo 2^32 while exact, then give LuaJIT's fixed garbage
show(bit.tobit(2^40 + 5), bit.tobit(2^51 + 3), bit.tobit(2^52 + 7), bit.tobit(2^53), bit.tobit(2^60 + 3))
show(bit.tobit(1e15), bit.tobit(-1e15), bit.tobit(1e300), bit.tobit(-1e300), bit.tobit(1e308))
show(bit.tobit(1/0), bit.tobit(-1/0), bit.tobit(0/0), bit.tobit(2^-1074), bit.tobit(-0.0))
for _, x in ipairs{123456789.75, -987654321.25, 4294967295.5, 4294967296.5, 6755399441055743, 2^51 - 0.5} do
  show(bit.tobit(x))
end
-- numeric strings use LuaJIT's number syntax
for _, s in ipairs{"0", "12", " 12 ", "\t-7\n", "+5", "0x10", "0X1f", "-0x10", "0xffffffff", "0x100000001",
                   "1e2", "1E2", "1.5", "2.5", ".5", "5.", "00012", "0x1p4", "0x1.8p1", "0x.8", "0x1.",
                   "0b101", "0B11", "inf", "-inf", "INF", "Infinity", "nan", "NAN", "-nan",
                   "99999999999", "1e308", "-1e309", "123456789012345678901234567890", "0x123456789abcdef01",
                   "0b" .. string.rep("1", 64), "0b" .. string.rep("0", 70) .. "1", "0x" .. string.rep("f", 40),
                   string.rep("9", 400), "0." .. string.rep("0", 400) .. "1", "0x1p99999", "1e99999", "0x1p-99999"} do
  show(q(s), bit.tobit(s))
end
-- strings that are not numbers
for _, s in ipairs{"", "  ", "x", "12abc", "1e", "1e+", "0x", "0xg", "0b", "0b2", "0b1.1", "- 5", "0x-5", "1_000",
                   "1LL", "1ULL", "1i", "5\0", "nan(1)", "infx", ".e1", "0xp1", "0x1p", "1f", "0b" .. string.rep("1", 65)} do
  show(q(s), pcall(bit.tobit, s))
end
-- only the first argument counts
show(bit.tobit(7, "junk", {}))
