-- Closures keep sharing the locals they captured across errors that pcall
-- and xpcall catch (gopher-lua closed every frame's upvalues from the
-- second caught error on), and a closure made inside a function that
-- failed keeps the values it captured.
local n = 0
local function t() pcall(error, "x"); n = n + 1 end
for i = 1, 3 do t() end
print("after three caught errors", n)

local count = 0
local function inc() count = count + 1 end
local function fails() inc(); error("boom") end
for i = 1, 4 do print(pcall(fails)) end
inc()
print("shared count", count)

local saved = {}
for i = 1, 3 do
  pcall(function()
    local v = i * 10
    saved[i] = function() v = v + 1 return v end
    error("after making a closure")
  end)
end
local junk = {}
for i = 1, 50 do junk[i] = tostring(i) .. "pad" end
print("escaped closures", saved[1](), saved[2](), saved[3](), saved[1]())

local total = 0
local function handler(e) total = total + 100 return "handled: " .. tostring(e) end
for i = 1, 3 do print(xpcall(function() total = total + 1 error("e" .. i, 0) end, handler)) end
print("xpcall total", total)

local deep = 0
local function nested(k)
  if k == 0 then error("bottom", 0) end
  local ok, e = pcall(nested, k - 1)
  deep = deep + 1
  error(e, 0)
end
print(pcall(nested, 5))
print("nested", deep)

local co = coroutine.wrap(function()
  local c = 0
  local function bump() c = c + 1 end
  for i = 1, 3 do pcall(function() bump() error("in coroutine") end) coroutine.yield(c) end
  return c
end)
print("coroutine", co(), co(), co(), co())
