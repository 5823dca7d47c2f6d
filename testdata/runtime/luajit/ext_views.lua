-- buflsp-only: slice views share memory, clone copies, stale views raise.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new(64):put("0123456789")
local v = b:slice(3, 5)
print(type(v), getmetatable(v), v:tostring(), #v)
print(b:slice():tostring(), b:slice(-3):tostring(), b:slice(8, 100):tostring(), #b:slice(5, 2))
b:fill("X", 3, 3)
print(v:tostring())
v:fill("Y", 2)
print(b:tostring())
print(v:get(1), v:tostring(), b:tostring())
b:put("ab"):skip(1)
print(v:tostring(), b:tostring())
local vv = v:slice(1, 1)
print(vv:tostring())

local c = b:clone()
c:fill("-")
print(c:tostring(), b:tostring())

-- A view that changes length gets its own copy.
local w = b:slice(1, 3)
w:put("!")
print(w:tostring(), b:tostring())

-- Moving the source's bytes makes views stale.
b:insert(1, "moved")
try(function() return v:tostring() end)
try(function() return #v end)
try(function() return vv:get() end)
try(function() return "x" .. v end)
try(function() local t = buffer.new(); t:put(v) end)
print(v:reset():put("reused"):tostring())

-- Views of a set() string never touch the string.
local s = "immutable"
local sb = buffer.new():set(s)
local sv = sb:slice(1, 2)
sv:fill("#")
print(s, sb:tostring(), sv:tostring())

-- A pointer into a view goes stale with the view: it neither reads the old
-- bytes nor writes where the source no longer looks.
local src = buffer.new(8):put("abcdefgh")
local view = src:slice(2, 4)
local p = view:ref()
print(p[0], p[2])
p[0] = 66
print(src:tostring())
src:put(("z"):rep(64))                 -- grows past capacity: the view is stale
try(function() return p[0] end)
try(function() p[1] = 67 end)
try(function() return (p + 1)[0] end)
print(src:tostring():sub(1, 8))
