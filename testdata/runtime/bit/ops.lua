-- The operations: bnot band bor bxor lshift rshift arshift rol ror bswap.
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[i] = type(v) == "number" and string.format("%d", v) or tostring(v)
  end
  print(table.concat(t, " "))
end

local values = {0, 1, -1, 2, 0x7fffffff, -0x80000000, 0x12345678, -0x12345678, 0xdeadbeef, 2^32 + 3, 1.5, 2.5, -2.5}
for _, x in ipairs(values) do
  show(bit.tobit(x), bit.bnot(x), bit.bswap(x), bit.tohex(x), bit.tohex(bit.bswap(x)))
end
for _, x in ipairs(values) do
  for _, y in ipairs{0, 1, -1, 0x0f0f0f0f, 0xf0f0f0f0, 3.5} do
    show(bit.band(x, y), bit.bor(x, y), bit.bxor(x, y))
  end
end
-- several operands, and one
show(bit.band(0xff, 0x0f, 3.7), bit.bor(1, 2, 4, 8, 16), bit.bxor(1, 3, 7, 15))
show(bit.band(5), bit.bor(-5), bit.bxor(2^33 + 1))
show(bit.band(-1, -1, -1, -1, -1, -1, -1, -1, -1, 0x55))
-- shifts use the low 5 bits of the count
for _, n in ipairs{0, 1, 4, 8, 16, 31, 32, 33, -1, -31, 63, 2^32 + 2, 1.5, 2.5} do
  show(n == math.floor(n) and n or -999, bit.lshift(1, n), bit.lshift(0x12345678, n), bit.rshift(-1, n), bit.rshift(0x80000000, n),
       bit.arshift(-256, n), bit.arshift(0x7fffffff, n), bit.rol(0x12345678, n), bit.ror(0x12345678, n), bit.rol(1, n), bit.ror(1, n))
end
-- identities from the BitOp documentation
show(bit.rol(0x12345678, 12) == bit.ror(0x12345678, 20), bit.bnot(bit.bnot(12345)) == 12345)
show(bit.bswap(bit.bswap(0x12345678)) == 0x12345678, bit.tobit(0xffffffff + 1))
-- numeric strings work as operands everywhere
show(bit.band("0xff", "15"), bit.lshift("1", "4"), bit.bswap("0x01020304"), bit.bnot("0"))
-- extra arguments are ignored by the fixed-arity functions
show(bit.bnot(0, "x"), bit.lshift(1, 2, {}), bit.bswap(1, nil))
