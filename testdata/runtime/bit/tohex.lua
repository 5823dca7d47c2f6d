-- bit.tohex: digit counts, upper case, and LuaJIT's quirks for odd counts.
local function show(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    t[i] = type(v) == "number" and string.format("%d", v) or tostring(v)
  end
  print(table.concat(t, " "))
end

show(bit.tohex(0), bit.tohex(1), bit.tohex(-1), bit.tohex(0x12345678), bit.tohex(0xdeadbeef), bit.tohex(-2^31))
for _, n in ipairs{0, 1, 2, 3, 4, 7, 8, 9, 12, 15, 16, 17, 20, 31, 32, 100, 254, 255, 256, 257, 300, 511, 512,
                   -1, -2, -4, -8, -9, -16, -20, -255, -256, -257, 2^31 - 1, -2^31, 2^32 + 3, 1.5, 2.5, 0/0, 1/0} do
  for _, x in ipairs{0, 1, -1, 0x12345678, 0xabcdef} do
    local s = bit.tohex(x, n)
    show(n == n and n == math.floor(n) and n or -999, #s, s)
  end
end
show(bit.tohex("255", "-4"), bit.tohex(" 0x1f ", 2))
