local a, b = 7, 3
local c = a // b + (a & b) + (a | b) + (a ~ b) + (a << 1) + (a >> 1) + ~a
local d = 0xFFFFFFFFFFFFFFFFF + 9223372036854775808
print(c, d, "\u{10FFFF}")
