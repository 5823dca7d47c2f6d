-- string.format and putf share LuaJIT's engine.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local F = string.format
-- gopher-lua folds a -0 literal into the constant 0, so -0 is computed.
local zero = 0
local negzero = -zero
print(F("%d %i %5d %-5d| %05d %+d % d %.3d %d", 42, -7, 3, 3, -3, 5, 5, 7, 3.99))
print(F("%d %d %d", -3.7, 2^31, -2^40))
print(F("%u %o %x %X %#x %#o %#X", 42, 8, 255, 255, 255, 8, 0))
print(F("%x %X %u", -1, -2, -1))
print(F("%5.2f|%-8.3f|%08.2f|%+.1f|%.0f|%#.0f", 3.14159, 2.5, -1.5, 2.25, 0.5, 3))
print(F("%e %.2e %E %.0e %#.0e", 12345.678, 0.000123, 1e300, 5, 5))
print(F("%g %g %g %g %g %g", 100000, 1000000, 1e-4, 1e-5, 0.1, 123456789))
print(F("%.3g %.10g %#g %G %g", 3.14159, 1/3, 1, 1e-10, negzero))
print(F("%f %e %g %5.1f %-6g|", 1/0, -1/0, 0/0, 1/0, 0/0))
print(F("%a %a %A %a %.3a", 1, 0.5, 255.5, -0.1, 1/3))
print(F("%c%c%c %c", 72, 105, 33, 65.9))
print(F("%s|%10s|%-10s|%.2s|%5.1s|", "str", "right", "left", "truncate", "xy"))
print(F("%s %s %s %s", nil, true, false, 12.5))
print(F("%q", "a\"b\\c\nd\re\0f\0001\127\200z"))
print(F("%q %q", 1/3, 42))
print(F("%%d %%"))
print(F("%s", setmetatable({}, { __tostring = function() return "meta" end })))
print(F("%d %s", "12", 34), F("%x", " 0x10 "), F("%.1f", "2.25"))
print(F(42), F("no args"), F("%s", buffer.new():put("buf")))
print(F("%.14g|%.17g|%.20f", 0.1, 0.1, 0.1))
print(F("%.4f %.1f %.2f %.3f", 2^-5, 2.25, 1.005, 2.0625))
print(F("%5.3s|%-5.3s|%05d|%-05d|", "abcdef", "abcdef", 42, 42))

try(function() F("%y", 1) end)
try(function() F("%100d", 1) end)
try(function() F("%5.123f", 1) end)
try(function() F("%", 1) end)
try(function() F("%-", 1) end)
try(function() F("%d") end)
try(function() F("%d %d", 1) end)
try(function() F("%d", "x") end)
try(function() F("%d", {}) end)
try(function() F("%f", nil) end)
try(function() F("%c", "a") end)
try(function() F() end)
try(function() F({}) end)

-- putf: same engine, appended to the buffer, not atomic.
local b = buffer.new()
print(b:putf("%d-%s-%5.2f", 1, "two", 3) == b, b:tostring())
b:reset()
try(function() b:putf("ok %d then %d", 1) end)
print(b:tostring())
b:reset()
try(function() b:putf("ab%ycd") end)
print(b:tostring())
try(function() b:putf("%s", b) end)
try(function() b.putf(b, "%s %s", 1, b) end)
try(function() b:putf("%d", "x") end)
b:reset():putf("%s|%s", buffer.new():put("inner"), 1e15)
print(b:tostring())

-- Numeric strings are coerced with LuaJIT's own number syntax: binary,
-- hexadecimal floats, padding white space (the scanner runtime/bit shares).
for _, s in ipairs({ "0b101", " 12 ", "0x1p4", "1e2", "-0x10", "0x.8p1" }) do
  print(string.format("%d %g", s, s))
end
print(pcall(string.format, "%d", "12abc"))
