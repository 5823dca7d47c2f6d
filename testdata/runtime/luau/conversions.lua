-- Number to integer conversions that are the same on every platform.
-- Reference: luau-buffer.md section 3.4 (I32 for offsets, U32 for values,
-- float rounding for writef32). Values marked [oracle] there.

local b = buffer.create(8)
local function u8(v) buffer.writeu8(b, 0, v) return buffer.readu8(b, 0) end
show(u8(256), u8(-1), u8(3.9), u8(-3.9))      --> 0, 255, 3, 253
show(u8(2^32 + 5), u8(1e10))                  --> 5, 0
show(u8("0x1ff"), u8(" 7 "))                  --> 255, 7

buffer.writei32(b, 0, 1e10)
show(buffer.readi32(b, 0))                    --> 1410065408
buffer.writeu32(b, 0, 4294967295.5)
show(buffer.readu32(b, 0))                    --> 4294967295
buffer.writeu32(b, 0, 2^53 + 2)
show(buffer.readu32(b, 0))                    --> 2
buffer.writeu32(b, 0, -1)
show(buffer.readu32(b, 0))                    --> 4294967295
buffer.writei32(b, 0, 2^31)
show(buffer.readi32(b, 0))                    --> -2147483648
buffer.writeu32(b, 0, -2^31 - 1)
show(buffer.readu32(b, 0))                    --> 2147483647
buffer.writeu16(b, 0, -3.9)
show(buffer.readu16(b, 0))                    --> 65533
buffer.writei16(b, 0, 65536 + 40000)
show(buffer.readi16(b, 0), buffer.readu16(b, 0)) --> -25536, 40000
buffer.writei8(b, 0, 128)
show(buffer.readi8(b, 0))                     --> -128

-- offsets truncate toward zero: -0.5 and -0.999 are offset 0
buffer.writeu8(b, 0, 11)
buffer.writeu8(b, 1, 22)
buffer.writeu8(b, 2, 33)
show(buffer.readu8(b, -0.5), buffer.readu8(b, -0.999)) --> 11, 11
show(buffer.readu8(b, 1.9), buffer.readu8(b, "2.9"))  --> 22, 33
-- 2^32+1 does not wrap to 1: it is out of bounds, like 2^31 and 2^53
check(buffer.readu8, b, 2^32 + 1)             --> err buffer access out of bounds
check(buffer.readu8, b, 2^31)                 --> err buffer access out of bounds
check(buffer.readu8, b, 2^53)                 --> err buffer access out of bounds
check(buffer.readu8, b, 1/0)                  --> err buffer access out of bounds
check(buffer.readu8, b, -1/0)                 --> err buffer access out of bounds
check(buffer.readu8, b, 1e300)                --> err buffer access out of bounds

-- writef32 rounds to nearest even; overflow gives infinity, underflow
-- subnormals or signed zero
local function f32(v) buffer.writef32(b, 0, v) return buffer.readf32(b, 0) end
show(f32(3.4028235677973366e38))              --> inf
show(f32(1e39), f32(-1e39))                   --> inf, -inf
show(f32(3.4028234663852886e38))              --> 3.4028234663852886e+38
show(f32(7e-46))                              --> 0
show(f32(7.1e-46))                            --> 1.4012984643248171e-45
show(f32(2^-150))                             --> 0
show(f32(-1e-50))                             --> -0
show(f32(16777217), f32(16777219))            --> 16777216, 16777220
show(f32(0.1))                                --> 0.10000000149011612
show(f32(1e-40))                              --> 9.9999461011147596e-41
-- writef64 is bit-exact
buffer.writef64(b, 0, 2^-1074)
show(buffer.readf64(b, 0))                    --> 4.9406564584124654e-324
hex(b)                                        --> 01 00 00 00 00 00 00 00
