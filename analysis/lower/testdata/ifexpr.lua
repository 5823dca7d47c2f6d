-- if-then-else expressions yield one value, evaluated lazily.
local function classify(n ) 
  return (function() if n < 0 then return ("negative") elseif n == 0 then return ("zero") else return ("positive") end end)()
end
print(classify(-2), classify(0), classify(3)) --> negative	zero	positive
local hits = 0
local function hit() hits = hits + (1); return hits end
local v = (function() if true then return (hit()) else return (hit()) end end)()
print(v, hits) --> 1	1
local function first(...)
  return (function(...) if select("#", ...) > 0 then return (...) else return (nil) end end)(...)
end
print(first(7, 8)) --> 7
local falsy = (function() if true then return (false) else return (true) end end)()
print(falsy) --> false
local nested = (function() if 1 > 2 then return ("a") else return ((function() if 2 > 1 then return ("b") else return ("c") end end)()) end end)()
print(nested) --> b
