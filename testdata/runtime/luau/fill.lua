-- buffer.fill: value byte, default count, bounds. Reference: luau-buffer.md
-- section 4 "fill(b, offset, value, count?)".

local b = buffer.create(6)
buffer.fill(b, 0, 0x41)
show(buffer.tostring(b))                      --> "AAAAAA"
buffer.fill(b, 2, 0x42, 3)
show(buffer.tostring(b))                      --> "AABBBA"
buffer.fill(b, 4, 0x43)
show(buffer.tostring(b))                      --> "AABBCC"
-- only the low 8 bits of the unsigned value count
local function byte(v) buffer.fill(b, 0, v, 1) return buffer.readu8(b, 0) end
show(byte(0x141), byte(-1), byte(256))        --> 65, 255, 0
show(byte(-190), byte(255.9), byte(-0.5))     --> 66, 255, 0
show(byte("0x41"))                            --> 65
-- the default count may be 0 (offset == len), one past is out of bounds
check(buffer.fill, b, 6, 7)                   --> ok
check(buffer.fill, b, 7, 7)                   --> err buffer access out of bounds
check(buffer.fill, b, 6, 7, 0)                --> ok
check(buffer.fill, b, 6, 7, 1)                --> err buffer access out of bounds
check(buffer.fill, b, -1, 7, 0)               --> err buffer access out of bounds
-- a negative count is a bounds error
check(buffer.fill, b, 0, 7, -1)               --> err buffer access out of bounds
check(buffer.fill, b, 0, 7, 7)                --> err buffer access out of bounds
check(buffer.fill, b, 0, 7, nil)              --> ok
show(buffer.tostring(b))                      --> "\x07\x07\x07\x07\x07\x07"
buffer.fill(b, 1, 0, 2.9)
hex(b)                                        --> 07 00 00 07 07 07
