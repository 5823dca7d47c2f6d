-- reserve/commit/ref and pointer indexing work the same through LuaJIT's
-- FFI pointers and buflsp's bounds-checked pointers.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new()
local p, n = b:reserve(10)
print(n >= 10)
for i = 0, 4 do p[i] = 65 + i end
print(b:commit(5) == b, b:tostring())
local r, len = b:ref()
print(len, r[0], r[4])
r[0] = 97
print(b:tostring())
b:commit(0)
try(function() b:commit(1e9) end)
try(function() b:commit(-1) end)
try(function() b:reserve(-1) end)
try(function() b:reserve("1") end)

local q, m = b:reserve(3)
q[0], q[1], q[2] = 49, 50, 51
b:commit(3)
print(b:tostring(), #b)
local c = buffer.new()
local rp, rn = b:ref()
c:putcdata(rp, rn)
print(c:tostring())
try(function() c:putcdata("str", 1) end)
local e = buffer.new()
e:set(rp, 2)
print(e:tostring())
