-- readbits and writebits. Reference: luau-buffer.md section 4
-- "readbits(b, bitOffset, bitCount) / writebits(b, bitOffset, bitCount, value)".

local b = buffer.create(4)
buffer.writeu32(b, 0, 0x12345678)
-- whole bytes agree with the byte readers
show(buffer.readbits(b, 0, 8), buffer.readu8(b, 0))   --> 120, 120
show(buffer.readbits(b, 0, 16), buffer.readu16(b, 0)) --> 22136, 22136
show(buffer.readbits(b, 0, 32), buffer.readu32(b, 0)) --> 305419896, 305419896
show(buffer.readbits(b, 8, 16))               --> 13398
-- bit k is bit k%8 of byte k/8, least significant first
show(buffer.readbits(b, 4, 8))                --> 103
show(buffer.readbits(b, 3, 1), buffer.readbits(b, 4, 1)) --> 1, 1
show(buffer.readbits(b, 0, 3))                --> 0
show(buffer.readbits(b, 28, 4))               --> 1
-- results are unsigned
buffer.writeu32(b, 0, 0xffffffff)
show(buffer.readbits(b, 0, 32))               --> 4294967295
-- zero bits read 0, also at the very end
show(buffer.readbits(b, 0, 0), buffer.readbits(b, 32, 0)) --> 0, 0
-- fractions truncate
show(buffer.readbits(b, -0.5, 8.9))           --> 255
show(buffer.readbits(b, 0, 32.9))             --> 4294967295
show(buffer.readbits(b, 0, -0.5))             --> 0
-- checks in order: negative offset, count range, end of buffer
check(buffer.readbits, b, 33, 0)              --> err buffer access out of bounds
check(buffer.readbits, b, 1, 32)              --> err buffer access out of bounds
check(buffer.readbits, b, -1, 64)             --> err buffer access out of bounds
check(buffer.readbits, b, 0, 33)              --> err bit count is out of range of [0; 32]
check(buffer.readbits, b, 0, -1)              --> err bit count is out of range of [0; 32]
check(buffer.readbits, b, 100, 33)            --> err bit count is out of range of [0; 32]
check(buffer.readbits, b, 2^32, 1)            --> err buffer access out of bounds
check(function() local v = buffer.readbits(b, 0, 40) return v end) --> err here: bit count is out of range of [0; 32]

-- a 32-bit field may straddle five bytes
local b5 = buffer.create(5)
buffer.writebits(b5, 7, 32, 0xffffffff)
hex(b5)                                       --> 80 ff ff ff 7f
show(buffer.readbits(b5, 7, 32))              --> 4294967295
show(buffer.readbits(b5, 6, 32))              --> 4294967294
show(buffer.readbits(b5, 8, 32))              --> 2147483647

-- writebits keeps the neighbouring bits
local w = buffer.fromstring("\255\255")
buffer.writebits(w, 4, 4, 0)
hex(w)                                        --> 0f ff
buffer.writebits(w, 4, 8, 0x5a)
hex(w)                                        --> af f5
-- only the low bitCount bits of the value are written
buffer.writebits(w, 0, 4, 0x1234)
hex(w)                                        --> a4 f5
buffer.writebits(w, 8, 8, -1)
hex(w)                                        --> a4 ff
buffer.writebits(w, 8, 8, 256)
hex(w)                                        --> a4 00
buffer.writebits(w, 0, 16, "0xBEEF")
show(buffer.readu16(w, 0))                    --> 48879
-- zero bits is a no-op that is still bounds-checked
check(buffer.writebits, w, 16, 0, 1)          --> ok
check(buffer.writebits, w, 17, 0, 1)          --> err buffer access out of bounds
check(buffer.writebits, w, 0, 33, 0)          --> err bit count is out of range of [0; 32]
check(buffer.writebits, w, -1, 33, 0)         --> err buffer access out of bounds
check(buffer.writebits, w, 9, 8, 0)           --> err buffer access out of bounds
hex(w)                                        --> ef be

-- bit offsets are 64-bit: on a 1 GiB buffer offsets beyond 2^32 work
local big = buffer.create(2^30)
buffer.writebits(big, 2^33 - 1, 1, 1)
show(buffer.readu8(big, 2^30 - 1))            --> 128
show(buffer.readbits(big, 2^33 - 8, 8))       --> 128
show(buffer.readbits(big, 2^33, 0))           --> 0
check(buffer.readbits, big, 2^33, 1)          --> err buffer access out of bounds
big = nil
collectgarbage()
