-- buflsp-only: pointers from reserve/ref are bounds-checked and go stale.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new()
local p, n = b:reserve(4)
p[0], p[1] = 104, 105
b:commit(2)
print(b:tostring())
try(function() return p[0] end)
local r, len = b:ref()
print(len, r[0], r[1], (r + 1)[0])
try(function() return r[2] end)
try(function() return r[-1] end)
try(function() return r[0.5] end)
try(function() return r.x end)
try(function() r[0] = "x" end)
try(function() return r + 3 end)
r[1] = 0x149
print(b:tostring())
b:put("!")
try(function() return r[0] end)
try(function() b:putcdata(r, 1) end)

local s = buffer.new():set("const")
local sp = s:ref()
print(sp[0])
try(function() sp[0] = 1 end)
local q = b:ref()
try(function() buffer.new():putcdata(q, 100) end)
