-- Concatenations that do not accumulate across iterations, or not in a loop.
local s = ""
s = s .. "a"
s = s .. "b"
local names = {}
for i = 1, 10 do
  local label = "item " .. i
  names[i] = label .. "!"
  local t = ""
  t = t .. label
  names[i] = t
end
for i = 1, 3 do
  local line = ""
  line = line .. i
  print(line)
end
-- Reset at the top of each iteration: each step appends once.
local row = ""
for i = 1, 3 do
  row = "row"
  row = row .. i
  print(row)
end
-- Inside a function defined in a loop: not accumulated by the loop.
local fns = {}
for i = 1, 3 do
  fns[i] = function(x)
    local r = ""
    r = r .. x .. i
    return r
  end
end
-- Assigning a concatenation of other values.
local key
for i = 1, 3 do
  key = "k" .. i
end
return s, names, fns, key
