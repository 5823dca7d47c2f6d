-- Fixed-width readers and writers: little-endian, two's complement,
-- unaligned offsets, bounds. Reference: luau-buffer.md sections 3.5 and 4
-- ("readi8 ...", "writei8 ...").

local b = buffer.create(8)
buffer.writeu32(b, 0, 0x01020304)
hex(b)                                        --> 04 03 02 01 00 00 00 00
show(buffer.readu8(b, 0), buffer.readu8(b, 3)) --> 4, 1
show(buffer.readu16(b, 0), buffer.readu16(b, 1)) --> 772, 515
show(buffer.readu32(b, 0))                    --> 16909060

-- unaligned writes and reads are fine
b = buffer.create(8)
buffer.writeu32(b, 3, 0xAABBCCDD)
hex(b)                                        --> 00 00 00 dd cc bb aa 00
show(buffer.readu32(b, 3))                    --> 2864434397
show(buffer.readi32(b, 3))                    --> -1430532899

-- signed and unsigned views of the same bytes
b = buffer.fromstring("\255\127\0\128\0\0\0\128")
show(buffer.readi8(b, 0), buffer.readu8(b, 0))   --> -1, 255
show(buffer.readi8(b, 1), buffer.readu8(b, 1))   --> 127, 127
show(buffer.readi16(b, 0), buffer.readu16(b, 0)) --> 32767, 32767
show(buffer.readi16(b, 2), buffer.readu16(b, 2)) --> -32768, 32768
show(buffer.readi32(b, 4), buffer.readu32(b, 4)) --> -2147483648, 2147483648
b = buffer.fromstring("\255\255\255\255")
show(buffer.readi32(b, 0), buffer.readu32(b, 0)) --> -1, 4294967295

-- signed and unsigned writers of one width store the same bytes
b = buffer.create(4)
buffer.writei16(b, 0, -1)
buffer.writeu16(b, 2, 65535)
hex(b)                                        --> ff ff ff ff
buffer.writei8(b, 0, -128)
buffer.writeu8(b, 1, 128)
hex(b)                                        --> 80 80 ff ff
buffer.writei32(b, 0, -2)
hex(b)                                        --> fe ff ff ff
buffer.writeu32(b, 0, 4294967294)
hex(b)                                        --> fe ff ff ff

-- floats: IEEE 754, little-endian
b = buffer.create(8)
buffer.writef32(b, 0, 1.5)
hex(b)                                        --> 00 00 c0 3f 00 00 00 00
show(buffer.readf32(b, 0))                    --> 1.5
buffer.writef64(b, 0, 1.5)
hex(b)                                        --> 00 00 00 00 00 00 f8 3f
show(buffer.readf64(b, 0))                    --> 1.5
buffer.writef64(b, 0, 0.1)
show(buffer.readf64(b, 0))                    --> 0.10000000000000001
buffer.writef64(b, 0, -1/0)
show(buffer.readf64(b, 0))                    --> -inf
-- -0 survives both widths (built as in reference section 7)
local zero = 0
local negz = -zero
buffer.writef64(b, 0, negz)
hex(b)                                        --> 00 00 00 00 00 00 00 80
show(buffer.readf64(b, 0))                    --> -0
buffer.writef32(b, 0, negz)
show(buffer.readf32(b, 0))                    --> -0
-- NaN stays NaN (payload not checked, section 3.4)
buffer.writef64(b, 0, 0/0)
local x = buffer.readf64(b, 0)
show(x ~= x)                                  --> true
buffer.writef32(b, 0, 0/0)
x = buffer.readf32(b, 0)
show(x ~= x)                                  --> true

-- bounds (section 3.5): an access may end exactly at the end
b = buffer.create(8)
check(buffer.readu32, b, 4)                   --> ok 0
check(buffer.readu32, b, 5)                   --> err buffer access out of bounds
check(buffer.readf64, b, 0)                   --> ok 0
check(buffer.readf64, b, 1)                   --> err buffer access out of bounds
check(buffer.readi8, b, 7)                    --> ok 0
check(buffer.readi8, b, 8)                    --> err buffer access out of bounds
check(buffer.readu8, b, -1)                   --> err buffer access out of bounds
check(buffer.readi16, b, 7)                   --> err buffer access out of bounds
check(buffer.writeu8, b, 8, 1)                --> err buffer access out of bounds
check(buffer.writef32, b, 5, 1)               --> err buffer access out of bounds
check(buffer.writef64, b, -8, 1)              --> err buffer access out of bounds
check(buffer.readu8, buffer.create(0), 0)     --> err buffer access out of bounds
-- a failing write leaves the buffer unchanged
check(buffer.writeu32, b, 6, 0xffffffff)      --> err buffer access out of bounds
hex(b)                                        --> 00 00 00 00 00 00 00 00
-- the message names the calling line when the caller is Lua code
check(function() local v = buffer.readu16(b, 7) return v end) --> err here: buffer access out of bounds
