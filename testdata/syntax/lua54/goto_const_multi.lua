local a <const>, b = 1, 2
b = 3
local function g()
  a, b = 4, 5
end
