-- Type annotations, aliases, generics and casts are erased.
 
 
local p  = { x = 1, y = 2 }
local function dist (a , b ) 
  return math.abs(a.x - b.x) + math.abs(a.y - b.y)
end
local q = ({ x = 4, y = 6 })
print(dist(p, q)) --> 7
local function pack(... ) 
  return ...
end
print(select("#", pack(1, 2, 3))) --> 3
local f = function(s ) 
  return s ~= nil, tostring(s)
end
print(f(nil)) --> false	nil
for i  = 1, 2 do
  print(i) --> 1
           --> 2
end
for k , v  in pairs({ a = 1 }) do
  print(k, v) --> a	1
end
local many = ((pack(5, 6)))
print(many) --> 5
