-- Numeric strings as numbers (C strtod rules) and numbers as strings (Luau's
-- shortest round-trip tostring). Reference: luau-buffer.md section 3.3.

local b = buffer.fromstring("\10\11\12\13\14\15\16\17")
local function at(s) return buffer.readu8(b, s) end
-- white space around, signs, fractions, exponents, hex, hex floats
show(at("1"), at(" 1 "), at("\t1\n"), at("+1"), at("-0"))    --> 11, 11, 11, 11, 10
show(at("1."), at(".5e1"), at("1e0"), at("2E0"))             --> 11, 15, 11, 12
show(at("0x1"), at("0X7"), at("0x1p1"), at("0x1.8p1"))       --> 11, 17, 12, 13
show(at("-0.9"), at("3.99"))                                 --> 10, 13
-- the string ends at its first NUL byte, as C sees it
show(at("2\0junk"))                                          --> 12
-- inf and nan are numbers (so the error is about bounds, not type)
check(buffer.readu8, b, "inf")                --> err buffer access out of bounds
check(buffer.readu8, b, "-Infinity")          --> err buffer access out of bounds
check(buffer.readu8, b, "NaN")                --> err buffer access out of bounds
check(buffer.readu8, b, "nan(123)")           --> err buffer access out of bounds
-- everything else is a type error
check(buffer.readu8, b, "12abc")              --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "")                   --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "  ")                 --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "four")               --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "1e")                 --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "0x")                 --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "- 1")                --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "1 2")                --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, "0b1")                --> err invalid argument #2 to 'readu8' (number expected, got string)
check(buffer.readu8, b, ".")                  --> err invalid argument #2 to 'readu8' (number expected, got string)
-- booleans are never numbers
check(buffer.readu8, b, true)                 --> err invalid argument #2 to 'readu8' (number expected, got boolean)
-- string values for writers
local w = buffer.create(4)
buffer.writeu32(w, "0", "0xdeadbeef")
show(buffer.readu32(w, 0))                    --> 3735928559
buffer.writef32(w, 0, " -2.5e0 ")
show(buffer.readf32(w, 0))                    --> -2.5

-- numbers passed as strings use Luau's number formatting
local function str(n) return buffer.tostring(buffer.fromstring(n)) end
show(str(123), str(-7), str(1.5), str(0.1))    --> "123", "-7", "1.5", "0.1"
show(str(1e20), str(1e21))                     --> "100000000000000000000", "1e+21"
show(str(1e-5), str(1e-6), str(1e-7))          --> "0.00001", "0.000001", "1e-07"
show(str(2^53), str(2^63))                     --> "9007199254740992", "9223372036854776000"
show(str(1/3), str(-1.5e300), str(5e-324))     --> "0.3333333333333333", "-1.5e+300", "5e-324"
show(str(123456.789), str(1e100))              --> "123456.789", "1e+100"
show(str(1/0), str(-1/0), str(0/0))            --> "inf", "-inf", "nan"
local zero = 0
show(str(-zero), str(zero))                    --> "-0", "0"
