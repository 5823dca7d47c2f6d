-- Argument errors as LuaJIT prints them: function names from the call site,
-- positions from the calling Lua line, "no value" for absent arguments.
local function try(...)
  local ok, err = pcall(...)
  print(ok, err)
end

-- called by pcall directly: no position, the name is '?'
try(bit.tobit)
try(bit.tobit, nil)
try(bit.tobit, "x")
try(bit.tobit, {})
try(bit.tobit, true)
try(bit.tobit, print)
try(bit.band)
try(bit.band, 1, "x")
try(bit.bor, 1, 2, 3, nil)
try(bit.bxor, 1, 2, {}, "y")
try(bit.lshift, 1)
try(bit.rshift, "a", 1)
try(bit.arshift, 1, nil)
try(bit.rol, {}, {})
try(bit.ror, 1, "1x")
try(bit.bswap)
try(bit.bnot, coroutine.create(print))
try(bit.tohex, 1, "z")
try(bit.tohex, 1, nil)
try(bit.tohex, nil, 1)
try(bit.tohex)

-- called from Lua code: the caller's line and the name it used
try(function() local r = bit.band(1, {}) return r end)
try(function() local r = bit.tobit() return r end)
try(function() local r = bit.tohex(1, false) return r end)
try(function() local f = bit.bor; local r = f(1, {}) return r end)
try(function() local b = bit; local r = b.lshift(1, "?") return r end)
local band = bit.band
try(function() local r = band("a") return r end)
try(function() local t = { op = bit.bxor }; local r = t.op(1, nil) return r end)
-- a tail call leaves no frame to name
try(function() return bit.band(1, {}) end)
-- method-call syntax counts the implicit self
try(function() local r = bit:band({}) return r end)
try(function() local r = bit:tohex() return r end)
-- require gives the same table as the global
print(require("bit") == bit)
