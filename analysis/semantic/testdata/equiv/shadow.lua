-- Shadowing, upvalues, self, varargs, const/close attributes and docs.
local a, b, a = 1, 2, 3
local a <const> = a
local h <close> = setmetatable({}, { __close = function() end })
---@param x number
---@return number
local function outer(x, ...)
  local t = { x = x, [a] = b, ... }
  return function(y)
    x = x + y
    t.x = t[x] or outer(y)
    return x, a, select("#", ...)
  end
end
local obj = {}
---@param v any
function obj:set(v) self.v = v; return self end
function obj.get(self) return self.v end
for k, v in pairs(obj) do
  local k = k .. v
  print(k)
end
for i = i, i + 1, i do local i = i end
local x = x
x, y, obj.z = y, x, obj
local function rec() return rec() end
local rec2 = function() return rec2 end
if a then local a = 1 elseif b then local b = a else local c = c end
while a do local a = a; break end
repeat local u = 1 until u == u
