#!/usr/bin/env luajit
-- Every statement form of LuaJIT 2.1.
local buffer = require("string.buffer")
local a, b, c = 1, "two", { 3, [4] = 4, five = 5; 6 }
local function f(x, y, ...)
  local n = select("#", ...)
  return x + y * 2 ^ -n .. "s", ...
end
function M.g(self) return self end
function M.obj:method(p) return self, p end
t.x, t[1] = f(1, 2), #c
local sb = buffer.new()
sb:put("a"):put(1)
print(sb:tostring(), f"lit", f[[long]], f{ 1 })
do local z = nil end
while a < 10 do a = a + 1 if a == 5 then break end end
repeat local q = a until q
for i = 10, 1, -1 do end
for k, v in pairs(c) do end
if a then elseif b then else end
local ok = not a and b or c ~= d and (e <= f) and g >= h;
goto done
::done::
return
