-- The buffer value: printing, identity, truthiness, and the errors Luau
-- raises for operators on buffers. Reference: luau-buffer.md section 2.

local b = buffer.create(4)
local s = tostring(b)
show(#s, s:match("^buffer: 0x[0-9a-f]+$") ~= nil) --> 26, true
show(tostring(b) == tostring(b))              --> true
show(tostring(b) ~= tostring(buffer.create(4))) --> true
-- reference semantics: equal bytes do not make equal buffers
local c = buffer.create(4)
show(b == c, b == b, rawequal(b, c))          --> false, true, false
-- usable as table keys, also in weak-keyed tables
local t = { [b] = "first", [c] = "second" }
show(t[b], t[c])                              --> "first", "second"
local weak = setmetatable({}, { __mode = "k" })
weak[b] = 1
show(weak[b])                                 --> 1
-- always truthy, even when empty
show(buffer.create(0) and true or false)      --> true
-- contents start zeroed and the length never changes
show(buffer.readu32(c, 0), buffer.len(c))     --> 0, 4

-- operators raise Luau's texts, with the calling line as position
check(function() return #b end)               --> err here: attempt to get length of a buffer value
check(function() return b.x end)              --> err here: attempt to index buffer with 'x'
check(function() b.x = 1 end)                 --> err here: attempt to index buffer with 'x'
check(function() return b:len() end)          --> err here: attempt to index buffer with 'len'
check(function() return b[0] end)             --> err here: attempt to index buffer with number
check(function() b[1] = 2 end)                --> err here: attempt to index buffer with number
check(function() return b < c end)            --> err here: attempt to compare buffer < buffer
check(function() return b <= c end)           --> err here: attempt to compare buffer <= buffer
check(function() return b > c end)            --> err here: attempt to compare buffer < buffer
check(function() return b + 1 end)            --> err here: attempt to perform arithmetic (add) on buffer and number
check(function() return 1 - b end)            --> err here: attempt to perform arithmetic (sub) on number and buffer
check(function() return b * b end)            --> err here: attempt to perform arithmetic (mul) on buffer and buffer
check(function() return b / 2 end)            --> err here: attempt to perform arithmetic (div) on buffer and number
check(function() return b % 2 end)            --> err here: attempt to perform arithmetic (mod) on buffer and number
check(function() return b ^ 2 end)            --> err here: attempt to perform arithmetic (pow) on buffer and number
check(function() return -b end)               --> err here: attempt to perform arithmetic (unm) on buffer
check(function() return b .. "x" end)         --> err here: attempt to concatenate buffer with string
check(function() return "x" .. b end)         --> err here: attempt to concatenate string with buffer
check(function() return b() end)              --> err here: attempt to call a buffer value

-- Divergences of gopher-lua (docs/luau-buffer.md): type() says userdata, a
-- metatable exists (protected, so getmetatable gives false, not nil), and
-- comparing a buffer with a number and setmetatable keep gopher-lua's texts.
show(type(b))                                 --> "userdata"
show(getmetatable(b))                         --> false
local ok = pcall(setmetatable, b, {})
show(ok)                                      --> false
ok = pcall(function() return b < 1 end)
show(ok)                                      --> false
