-- Conversions whose results depend on the CPU in Luau. We implement the
-- x86-64 results everywhere. Reference: luau-buffer.md sections 3.4 and 6.

local b = buffer.create(8)
local function u32(v) buffer.writeu32(b, 0, 0x55555555) buffer.writeu32(b, 0, v) return buffer.readu32(b, 0) end
-- NaN, infinities and |x| >= 2^63 become INT64_MIN, whose low 32 bits are 0
show(u32(0/0), u32(1/0), u32(-1/0))           --> 0, 0, 0
show(u32(2^63), u32(2^64), u32(-2^63))        --> 0, 0, 0
show(u32(1e300), u32(-1e300))                 --> 0, 0
-- just below 2^63 still converts: 0x7FFFFFFFFFFFFC00 keeps 0xFFFFFC00
show(u32(2^63 - 1024))                        --> 4294966272
-- the same for the 8-bit writer and for fill
buffer.writeu8(b, 0, 0/0)
show(buffer.readu8(b, 0))                     --> 0
buffer.fill(b, 0, 1/0)
hex(b)                                        --> 00 00 00 00 00 00 00 00
-- NaN offsets become INT_MIN: out of bounds
check(buffer.readu8, b, 0/0)                  --> err buffer access out of bounds
check(buffer.writeu8, b, 0/0, 1)              --> err buffer access out of bounds
-- sizes that become INT_MIN are negative: the (size) argument error
check(buffer.create, 2^31)                    --> err invalid argument #1 to 'create' (size)
check(buffer.create, 1/0)                     --> err invalid argument #1 to 'create' (size)
check(buffer.create, 0/0)                     --> err invalid argument #1 to 'create' (size)
check(buffer.create, 2^40)                    --> err invalid argument #1 to 'create' (size)
check(buffer.readstring, b, 0, 2^31)          --> err invalid argument #3 to 'readstring' (size)
check(buffer.readstring, b, 0, 2^32 + 1)      --> err invalid argument #3 to 'readstring' (size)
check(buffer.readstring, b, 0, 0/0)           --> err invalid argument #3 to 'readstring' (size)
check(buffer.writestring, b, 0, "x", 2^31)    --> err invalid argument #4 to 'writestring' (count)
check(buffer.writestring, b, 0, "x", 0/0)     --> err invalid argument #4 to 'writestring' (count)
-- bit counts use the same conversion; bit offsets the 64-bit one
check(buffer.readbits, b, 0, 0/0)             --> err bit count is out of range of [0; 32]
check(buffer.readbits, b, 0/0, 1)             --> err buffer access out of bounds
check(buffer.writebits, b, 1/0, 1, 1)         --> err buffer access out of bounds
-- copy and fill counts
check(buffer.copy, b, 0, b, 0, 0/0)           --> err buffer access out of bounds
check(buffer.fill, b, 0, 1, 0/0)              --> err buffer access out of bounds
-- and "nan"/"inf" strings are numbers too
check(buffer.readu8, b, "nan")                --> err buffer access out of bounds
check(buffer.create, "inf")                   --> err invalid argument #1 to 'create' (size)
