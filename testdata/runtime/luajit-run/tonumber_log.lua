-- tonumber without a base reads LuaJIT's number syntax; with a base it
-- reads as strtoul does after one sign. math.log honours its base and
-- math.huge is infinity; io.write returns true.
for _, s in ipairs{"infinity", "INF", "+nan", "-inf", "0x", "1e", ".5", "5.", "0x.8", "0x8.", "0x1p4",
    "0x1P-1", "1e+2", "  ", "", "+5", "- 5", "1_0", "0b1", "1ULL", "0x1e", "00012", "1e400", "-0",
    "\t1\n", "1 2", "0xffffffffffffffffff", "infx", "nan(1)", "1.e5", ".e5", "1e5.5", "0X1F", "1f",
    "Inf ", " +.5e-3 ", "0x-1", "--1", "1\0"} do
  io.write(string.format("%q", s), " ", tostring(tonumber(s)), "\n")
end
for _, c in ipairs{{"ff", 16}, {"0x1f", 16}, {" -ff ", 16}, {"+1", 2}, {"2", 2}, {"zz", 36}, {"ZZ", 36},
    {"", 10}, {"1e2", 10}, {"0x10", 10}, {"ffffffffffffffffffff", 16}, {"-0", 8}, {"7.5", 8}, {"1 ", 2},
    {" 1", 2}, {"0x", 16}, {10, 16}, {1.5, 16}, {"10", 36.7}} do
  io.write(tostring(c[1]), " ", c[2], " ", tostring(tonumber(c[1], c[2])), "\n")
end
print(pcall(tonumber, "1", 1.9))
print(pcall(tonumber, "1", "x"))
print(pcall(tonumber))
print(pcall(tonumber, {}, 16))
print(pcall(function() return tonumber("1", 99) end))
print(tonumber(nil), tonumber(true), tonumber({}))
print(math.log(8, 2), math.log(100, 10), math.log(8), math.log(0), math.log(-1), math.log(8, 0),
  math.log(2, 8), math.log(27, 3), math.log("8", "2"), math.log10(100))
print(pcall(math.log, "x"))
print(pcall(math.log, 1, "x"))
print(math.huge, -math.huge, math.huge == 1/0, math.huge > 2^1023)
print(io.write("written\n"))
print(select('#', io.write()))
