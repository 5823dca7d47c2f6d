-- Argument checking: order, texts, missing versus nil, optional arguments,
-- function names, position prefixes. Reference: luau-buffer.md sections 3.1,
-- 3.2 and 5.

local b = buffer.create(4)
-- every argument is type-checked before any range check (3.1)
check(buffer.writebits, b, -1, 99, "x")       --> err invalid argument #4 to 'writebits' (number expected, got string)
check(buffer.copy, b, -1, "x")                --> err invalid argument #3 to 'copy' (buffer expected, got string)
check(buffer.writeu8, b, -1, "x")             --> err invalid argument #3 to 'writeu8' (number expected, got string)
check(buffer.readstring, b, -1, -1)           --> err invalid argument #3 to 'readstring' (size)
check(buffer.fill, b, 99, 1, "many")          --> err invalid argument #4 to 'fill' (number expected, got string)
check(buffer.writestring, b, -1, {})          --> err invalid argument #3 to 'writestring' (string expected, got table)
-- absent arguments are "missing", an explicit nil is "got nil" (3.2)
check(buffer.readu8, b)                       --> err missing argument #2 to 'readu8' (number expected)
check(buffer.readu8, b, nil)                  --> err invalid argument #2 to 'readu8' (number expected, got nil)
check(buffer.readu8)                          --> err missing argument #1 to 'readu8' (buffer expected)
check(buffer.readu8, nil, 0)                  --> err invalid argument #1 to 'readu8' (buffer expected, got nil)
check(buffer.writei16, b, 0)                  --> err missing argument #3 to 'writei16' (number expected)
check(buffer.writef64, b, 0, nil)             --> err invalid argument #3 to 'writef64' (number expected, got nil)
check(buffer.readstring, b, 0)                --> err missing argument #3 to 'readstring' (number expected)
check(buffer.writestring, b, 0)               --> err missing argument #3 to 'writestring' (string expected)
check(buffer.copy, b, 0)                      --> err missing argument #3 to 'copy' (buffer expected)
check(buffer.copy, b)                         --> err missing argument #2 to 'copy' (number expected)
check(buffer.fill, b, 0)                      --> err missing argument #3 to 'fill' (number expected)
check(buffer.readbits, b, 0)                  --> err missing argument #3 to 'readbits' (number expected)
check(buffer.writebits, b, 0, 1)              --> err missing argument #4 to 'writebits' (number expected)
-- the actual type is type() of the value, with buffers called buffer
check(buffer.readu8, b, true)                 --> err invalid argument #2 to 'readu8' (number expected, got boolean)
check(buffer.readu8, b, print)                --> err invalid argument #2 to 'readu8' (number expected, got function)
check(buffer.readu8, b, b)                    --> err invalid argument #2 to 'readu8' (number expected, got buffer)
check(buffer.readu8, {}, 0)                   --> err invalid argument #1 to 'readu8' (buffer expected, got table)
check(buffer.readu8, "abcd", 0)               --> err invalid argument #1 to 'readu8' (buffer expected, got string)
check(buffer.readu8, coroutine.create(print), 0) --> err invalid argument #1 to 'readu8' (buffer expected, got thread)
-- optional arguments: nil and absent mean the default, anything else is checked
check(buffer.copy, b, 0, b, nil, nil)         --> ok
check(buffer.copy, b, 0, b, "x")              --> err invalid argument #4 to 'copy' (number expected, got string)
check(buffer.copy, b, 0, b, 0, false)         --> err invalid argument #5 to 'copy' (number expected, got boolean)
check(buffer.fill, b, 0, 0, nil)              --> ok
check(buffer.fill, b, 0, 0, true)             --> err invalid argument #4 to 'fill' (number expected, got boolean)
check(buffer.writestring, b, 0, "x", nil)     --> ok
check(buffer.writestring, b, 0, "x", {})      --> err invalid argument #4 to 'writestring' (number expected, got table)
-- the function name is the library key, also when called through an alias
local r = buffer.readu8
check(r, b)                                   --> err missing argument #2 to 'readu8' (number expected)
check(function() local v = r(b) return v end) --> err here: missing argument #2 to 'readu8' (number expected)
-- position prefix: the Lua line that called the function, none when the
-- caller is pcall itself (section 5)
check(function() local v = buffer.readu8(b, 9) return v end) --> err here: buffer access out of bounds
check(function() local v = buffer.readu8(b, "x") return v end) --> err here: invalid argument #2 to 'readu8' (number expected, got string)
check(function() local v = buffer.readi32(b, 1) return v end) --> err here: buffer access out of bounds
local function deeper() local v = buffer.readu8(b, -1) return v end
local ok, msg = pcall(function() local v = deeper() return v end)
show(msg:match("^[^:]*:(%d+): (.*)$"))        --> "51", "buffer access out of bounds"
-- errors raised at the top of a chunk carry the chunk name (as gopher-lua
-- spells it) and line
local fn = loadstring("local v = buffer.readu8(...)\nreturn v", "chunk")
check(fn, b, 4)                               --> err chunk:1: buffer access out of bounds
fn = loadstring("\n\nbuffer.writeu8(...)", "other")
check(fn, b)                                  --> err other:3: missing argument #2 to 'writeu8' (number expected)
-- Luau has no tail calls, so "return f(...)" still names the calling line
check(function() return buffer.readu8(b, 99) end) --> err here: buffer access out of bounds
-- extra arguments are ignored (byte 0 holds the "x" written above)
check(buffer.readu8, b, 0, "extra", {})       --> ok 120
check(buffer.writeu8, b, 0, 1, "extra")       --> ok
check(buffer.len, b, b)                       --> ok 4
