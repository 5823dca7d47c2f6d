-- buffer.create: sizes, truncation, coercion, limits.
-- Reference: luau-buffer.md section 4 "create(size)" and 3.3/3.4.

show(buffer.len(buffer.create(0)))            --> 0
show(buffer.len(buffer.create(16)))           --> 16
hex(buffer.create(4))                         --> 00 00 00 00
-- fractions truncate toward zero (3.9 -> 3, -0.5 -> 0 is a valid size)
show(buffer.len(buffer.create(3.9)))          --> 3
show(buffer.len(buffer.create(-0.5)))         --> 0
show(buffer.len(buffer.create(-0.999)))       --> 0
-- numeric strings are numbers (section 4: "12", " 5 ", "0x10", "2.75")
show(buffer.len(buffer.create("12")))         --> 12
show(buffer.len(buffer.create(" 5 ")))        --> 5
show(buffer.len(buffer.create("0x10")))       --> 16
show(buffer.len(buffer.create("2.75")))       --> 2
-- extra arguments are ignored
show(buffer.len(buffer.create(2, "junk", {}))) --> 2
-- negative sizes are an argument error with the word "size"
check(buffer.create, -1)                      --> err invalid argument #1 to 'create' (size)
check(buffer.create, -1.5)                    --> err invalid argument #1 to 'create' (size)
check(buffer.create, -2^31)                   --> err invalid argument #1 to 'create' (size)
check(buffer.create, -1/0)                    --> err invalid argument #1 to 'create' (size)
-- called from Lua code the message carries the caller's position
check(function() local b = buffer.create(-1) return b end) --> err here: invalid argument #1 to 'create' (size)
-- the 1 GiB limit: 2^30 works, 2^30+1 and 2^31-1 do not, and the memory
-- error never has a position prefix, not even when called from Lua code
show(buffer.len(buffer.create(2^30)))         --> 1073741824
show(buffer.len(buffer.create(2^30 + 0.5)))   --> 1073741824
check(buffer.create, 2^30 + 1)                --> err memory allocation error: block too big
check(buffer.create, 2^31 - 1)                --> err memory allocation error: block too big
check(function() local b = buffer.create(2^30 + 1) return b end) --> err memory allocation error: block too big
collectgarbage()
-- type errors
check(buffer.create)                          --> err missing argument #1 to 'create' (number expected)
check(buffer.create, nil)                     --> err invalid argument #1 to 'create' (number expected, got nil)
check(buffer.create, "four")                  --> err invalid argument #1 to 'create' (number expected, got string)
check(buffer.create, "12abc")                 --> err invalid argument #1 to 'create' (number expected, got string)
check(buffer.create, "")                      --> err invalid argument #1 to 'create' (number expected, got string)
check(buffer.create, true)                    --> err invalid argument #1 to 'create' (number expected, got boolean)
check(buffer.create, {})                      --> err invalid argument #1 to 'create' (number expected, got table)
check(buffer.create, buffer.create(1))        --> err invalid argument #1 to 'create' (number expected, got buffer)
-- each call makes a new, zeroed object
local a, b = buffer.create(1), buffer.create(1)
show(a == b, rawequal(a, a))                  --> false, true
