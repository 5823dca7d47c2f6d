-- fromstring, tostring, len, return counts.
-- Reference: luau-buffer.md sections 1, 4 "fromstring(str) / tostring(b)", "len(b)".

local s = "a\0b\255\128z"
local b = buffer.fromstring(s)
show(buffer.len(b))                           --> 6
hex(b)                                        --> 61 00 62 ff 80 7a
show(buffer.tostring(b) == s)                 --> true
-- the buffer holds a copy: writing does not change the string
buffer.writeu8(b, 0, 66)
show(s:sub(1, 1), buffer.tostring(b):sub(1, 1)) --> "a", "B"
-- each call is a new object
show(buffer.fromstring("x") == buffer.fromstring("x")) --> false
show(buffer.len(buffer.fromstring("")))       --> 0
show(buffer.tostring(buffer.fromstring(""))) --> ""
-- numbers are converted with Luau's number-to-string (section 3.3)
show(buffer.tostring(buffer.fromstring(123)))  --> "123"
show(buffer.tostring(buffer.fromstring(-7)))   --> "-7"
show(buffer.tostring(buffer.fromstring(1.5)))  --> "1.5"
show(buffer.tostring(buffer.fromstring(3.25))) --> "3.25"
show(buffer.tostring(buffer.fromstring(10/2))) --> "5"
-- type errors: no coercion of other types, buffers are not strings
check(buffer.fromstring)                       --> err missing argument #1 to 'fromstring' (string expected)
check(buffer.fromstring, nil)                  --> err invalid argument #1 to 'fromstring' (string expected, got nil)
check(buffer.fromstring, true)                 --> err invalid argument #1 to 'fromstring' (string expected, got boolean)
check(buffer.fromstring, b)                    --> err invalid argument #1 to 'fromstring' (string expected, got buffer)
check(buffer.tostring)                         --> err missing argument #1 to 'tostring' (buffer expected)
check(buffer.tostring, "abc")                  --> err invalid argument #1 to 'tostring' (buffer expected, got string)
check(buffer.len, {})                          --> err invalid argument #1 to 'len' (buffer expected, got table)
check(buffer.len)                              --> err missing argument #1 to 'len' (buffer expected)
-- readers return one value, writers and copy/fill none (section 1)
count(buffer.readu8(b, 0))                     --> 1
count(buffer.readf64(buffer.create(8), 0))     --> 1
count(buffer.writeu8(b, 0, 1))                 --> 0
count(buffer.writef64(buffer.create(8), 0, 1)) --> 0
count(buffer.copy(b, 0, b))                    --> 0
count(buffer.fill(b, 0, 0))                    --> 0
count(buffer.writestring(b, 0, "x"))           --> 0
count(buffer.writebits(b, 0, 1, 1))            --> 0
count(buffer.readstring(b, 0, 1))              --> 1
count(buffer.readbits(b, 0, 1))                --> 1
count(buffer.len(b))                           --> 1
-- exactly the 28 functions of the reference luau: the 26 stable ones plus
-- readinteger/writeinteger (its LuauIntegerLibrary flag, integer.lua); no
-- resize/slice/...
local n = 0
for _ in pairs(buffer) do n = n + 1 end
show(n)                                        --> 28
show(buffer.resize, buffer.slice, buffer.sub, buffer.new, buffer.size) --> nil, nil, nil, nil, nil
show(buffer.readu64, buffer.writeu64, buffer.readi64, buffer.equal)    --> nil, nil, nil, nil
