-- buffer.copy: defaults, bounds, overlap. Reference: luau-buffer.md section 4
-- "copy(target, targetOffset, source, sourceOffset?, count?)", [oracle] examples.

local function fresh() return buffer.fromstring("0123456789abcdef") end
local b = fresh()
buffer.copy(b, 0, b, 2, 6)
show(buffer.tostring(b))                      --> "2345676789abcdef"
b = fresh()
buffer.copy(b, 2, b, 0, 6)
show(buffer.tostring(b))                      --> "0101234589abcdef"
b = fresh()
buffer.copy(b, 1, b, 0, 15)
show(buffer.tostring(b))                      --> "00123456789abcde"
b = fresh()
buffer.copy(b, 0, b, 1)
show(buffer.tostring(b))                      --> "123456789abcdeff"
b = fresh()
buffer.copy(b, 0, b)
show(buffer.tostring(b))                      --> "0123456789abcdef"

-- between two buffers; source offset defaults to 0, count to the rest
local t = buffer.create(8)
local s = buffer.fromstring("abc")
buffer.copy(t, 2, s)
hex(t)                                        --> 00 00 61 62 63 00 00 00
buffer.copy(t, 0, s, 1)
hex(t)                                        --> 62 63 61 62 63 00 00 00
buffer.copy(t, 7, s, 0, 1)
hex(t)                                        --> 62 63 61 62 63 00 00 61
buffer.copy(t, 5, s, nil, 2)
hex(t)                                        --> 62 63 61 62 63 61 62 61
buffer.copy(t, -0.5, s, "1", 1.9)
hex(t)                                        --> 62 63 61 62 63 61 62 61

-- a negative count is a bounds error, not an argument error
check(buffer.copy, t, 0, s, 0, -1)            --> err buffer access out of bounds
-- source offset past the end with the default count gives count -1
check(buffer.copy, t, 0, s, 4)                --> err buffer access out of bounds
-- source offset at the end gives count 0, which is fine
check(buffer.copy, t, 0, s, 3)                --> ok
-- count 0 at the end of the target is fine, one past is not
check(buffer.copy, t, 8, s, 0, 0)             --> ok
check(buffer.copy, t, 9, s, 0, 0)             --> err buffer access out of bounds
check(buffer.copy, t, -1, s, 0, 0)            --> err buffer access out of bounds
-- source range, then target range
check(buffer.copy, t, 0, s, 1, 3)             --> err buffer access out of bounds
check(buffer.copy, t, 6, s)                   --> err buffer access out of bounds
check(buffer.copy, s, 0, t)                   --> err buffer access out of bounds
check(buffer.copy, t, 0, s, -1, 1)            --> err buffer access out of bounds
-- a failed copy changes nothing
hex(s)                                        --> 61 62 63
hex(t)                                        --> 62 63 61 62 63 61 62 61
