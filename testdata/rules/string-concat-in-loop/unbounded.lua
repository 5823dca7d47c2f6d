-- Near-misses of bounded.lua that still grow without bound.
local function many(n)
  -- A long constant range does not depend on data: test data, silent.
  local s = ""
  for i = 1, 1000 do
    s = s .. i
  end
  -- A small inner loop inside an unbounded outer one: the string grows with n.
  local t = ""
  for _ in n:gmatch(".") do
    for j = 1, 3 do
      t = t .. j -- want: string-concat-in-loop
    end
  end
  return s, t
end

-- math.min with no constant bound, and a local named math.
local function shadow(str, math)
  local s = ""
  for i = 1, math.min(#str, 5) do
    s = s .. str:sub(i, i) -- want: string-concat-in-loop
  end
  return s
end

-- A reset inside a function literal does not run on each iteration.
local function later(str, callbacks)
  local s = ""
  for v in str:gmatch("%w+") do
    s = s .. v -- want: string-concat-in-loop
    callbacks[#callbacks + 1] = function() s = "" end
  end
  return s
end

return many, shadow, later
