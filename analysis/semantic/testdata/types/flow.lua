-- Flow: branches merge, loops see the changes of earlier iterations,
-- pointers go stale when their buffer changes.
local sb = require("string.buffer")
local buf = sb.new()
local x = 1
if cond then
  x = 2
end
local y = x
local z = 1
if cond then z = 1 else z = 1 end
local w = z

local p, n = buf:ref()
local ok = p
buf:put("x")
local stale = p

local q = buf:ref()
for i = 1, 3 do
  local use = q
  buf:put(i)
end

local v = buf:slice()
buf:skip(1)
local sv = v

local function f()
  return buf, p
end
local kind = 1
while kind do
  kind = nil
end
return y, w, ok, stale, sv, f, kind, n
