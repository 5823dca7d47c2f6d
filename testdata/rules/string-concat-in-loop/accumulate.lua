-- A string grown with '..' across loop iterations is copied again on every step.
local function join(list)
  local s = ""
  for i = 1, #list do
    s = s .. list[i] .. "," -- want: string-concat-in-loop "s"
  end
  return s
end

local function reverse(list)
  local r = ""
  for _, v in ipairs(list) do
    r = v .. r -- want: string-concat-in-loop
  end
  return r
end

local out = ""
local i = 0
while i < 10 do
  i = i + 1
  if i % 2 == 0 then
    out = out .. i -- want: string-concat-in-loop
  end
end

local acc = ""
repeat
  acc = acc .. "x" -- want: string-concat-in-loop
until #acc > 5

-- The outer loop accumulates even though the inner one resets its own string.
local report = ""
local rows = ...
for _, row in ipairs(rows) do
  local line = ""
  for _, cell in ipairs(row) do
    line = line .. cell -- want: string-concat-in-loop
  end
  report = report .. line .. "\n" -- want: string-concat-in-loop
end
return join, reverse, out, acc, report
