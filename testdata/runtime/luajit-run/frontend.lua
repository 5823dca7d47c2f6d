-- LuaJIT syntax read by buflsp's own parser: escapes, numerals and table
-- constructors, compared with the real luajit.
print("\x41\x62", "\u{48}\u{20AC}", "a\z
      b", "\65\066\0067", #"\0\00", "tab\tend")
print(0xffffffffffffffff == 2^64, 0x10, 0xA.8p1, 1e2, .5, 3., 0x.1p4)
print(#[[
line]], [==[a]]b]==])
local function f() return 1, 2, 3 end
local t = {1, k = f()}
print(#t, t.k, t[2])
local u = {f(), f()}
print(#u)
local v = {f(), (f())}
print(#v)
print(select("#", (f())))
local s = 0
for i = 10, 1, -3 do s = s + i end
print(s)
goto skip
print("not printed")
::skip::
print(2^53 + 1 == 2^53, -0 == 0, 1/0 > 0)
local n = 5 % -3
print(n, -5 % 3, 5.5 % 2)
print(("x"):rep(3), #{n = 1}, not nil, nil == false)
local obj = {v = 5}
function obj:get(x) return self.v + (x or 0) end
function obj.nested() return "n" end
print(obj:get(1), obj.get(obj), obj.nested())
local f2 = function() return f2 end
print(f2() == nil)
-- multiple assignment reads every value before it assigns
local a, b, c = 1, 2, 3
a, b, c = b + c, a + c, a + b
print(a, b, c)
local x, y = 1, 2
x, y = y, x
print(x, y)
local fa, fb = 0, 1
for _ = 1, 10 do fa, fb = fb, fa + fb end
print(fa, fb)
local t = {1, 2}
t[1], t[2] = t[2], t[1]
print(t[1], t[2])
