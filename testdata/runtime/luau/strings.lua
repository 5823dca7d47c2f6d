-- readstring and writestring. Reference: luau-buffer.md section 4
-- "readstring(b, offset, count)" and "writestring(b, offset, value, count?)".

local b = buffer.fromstring("hello world")
show(buffer.readstring(b, 0, 5))              --> "hello"
show(buffer.readstring(b, 6, 5))              --> "world"
show(buffer.readstring(b, 11, 0))             --> ""
show(buffer.readstring(b, 0, 2.9))            --> "he"
show(buffer.readstring(b, 0, -0.5))           --> ""
show(buffer.readstring(b, "1", "3"))          --> "ell"
check(buffer.readstring, b, 12, 0)            --> err buffer access out of bounds
check(buffer.readstring, b, 7, 5)             --> err buffer access out of bounds
check(buffer.readstring, b, -1, 1)            --> err buffer access out of bounds
-- a negative count is an argument error worded "size", checked first
check(buffer.readstring, b, 0, -1)            --> err invalid argument #3 to 'readstring' (size)
check(buffer.readstring, b, -1, -1)           --> err invalid argument #3 to 'readstring' (size)
check(function() local s = buffer.readstring(b, 0, -1) return s end) --> err here: invalid argument #3 to 'readstring' (size)
-- bytes of every value come back unchanged
show(buffer.readstring(buffer.fromstring("\0\1\255"), 0, 3)) --> "\x00\x01\xff"

b = buffer.create(8)
buffer.writestring(b, 0, "abc")
hex(b)                                        --> 61 62 63 00 00 00 00 00
buffer.writestring(b, 5, "xyz")
hex(b)                                        --> 61 62 63 00 00 78 79 7a
buffer.writestring(b, 3, "ABCDEF", 2.8)
hex(b)                                        --> 61 62 63 41 42 78 79 7a
buffer.writestring(b, 0, "zzz", -0.5)
hex(b)                                        --> 61 62 63 41 42 78 79 7a
buffer.writestring(b, 0, "Q", nil)
hex(b)                                        --> 51 62 63 41 42 78 79 7a
-- numbers are written as Luau prints them
buffer.writestring(b, 0, 12.5)
show(buffer.readstring(b, 0, 4))              --> "12.5"
buffer.writestring(b, 0, 1e100)
show(buffer.tostring(b))                      --> "1e+100yz"
-- empty writes: fine at the end, not past it or before the start
check(buffer.writestring, b, 8, "")           --> ok
check(buffer.writestring, b, 9, "")           --> err buffer access out of bounds
check(buffer.writestring, b, -1, "")          --> err buffer access out of bounds
check(buffer.writestring, b, 6, "xyz")        --> err buffer access out of bounds
-- count checks come in this order: negative, longer than the string, bounds
check(buffer.writestring, b, 100, "abc", -1)  --> err invalid argument #4 to 'writestring' (count)
check(buffer.writestring, b, 0, "abc", 4)     --> err string length overflow
check(buffer.writestring, b, -5, "abc", 10)   --> err string length overflow
check(buffer.writestring, b, 7, "abc", 2)     --> err buffer access out of bounds
check(buffer.writestring, b, 6, "abc", 2)     --> ok
check(function() buffer.writestring(b, 0, "abc", 9) end) --> err here: string length overflow
hex(b)                                        --> 31 65 2b 31 30 30 61 62
