-- readinteger and writeinteger (Luau's LuauIntegerLibrary flag, on by
-- default): 8 bytes, little-endian, signed 64-bit integer values. Expected
-- values come from the reference luau.

local b = buffer.create(16)
buffer.writeu32(b, 0, 0xfffffffb)
buffer.writeu32(b, 4, 0xffffffff)
local v = buffer.readinteger(b, 0)
show(tostring(v))                             --> "-5"
buffer.writeu32(b, 0, 0x89abcdef)
buffer.writeu32(b, 4, 0x01234567)
local w = buffer.readinteger(b, 0)
show(tostring(w))                             --> "81985529216486895"
-- an integer read back is written byte for byte
buffer.writeinteger(b, 8, w)
hex(b)                                        --> ef cd ab 89 67 45 23 01 ef cd ab 89 67 45 23 01
show(buffer.readinteger(b, 8) == w, v == w)   --> true, false
-- the last whole slot, and one byte further
check(buffer.readinteger, b, 8)               --> ok 81985529216486895
check(buffer.readinteger, b, 9)               --> err buffer access out of bounds
check(buffer.readinteger, b, -1)              --> err buffer access out of bounds
check(buffer.writeinteger, b, 9, w)           --> err buffer access out of bounds
-- a number is not an integer, even a whole one
check(buffer.writeinteger, b, 0, 5)           --> err invalid argument #3 to 'writeinteger' (integer expected, got number)
check(buffer.writeinteger, b, 0)              --> err missing argument #3 to 'writeinteger' (integer expected)
check(buffer.readinteger, "x", 0)             --> err invalid argument #1 to 'readinteger' (buffer expected, got string)
