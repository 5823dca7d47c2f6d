-- A string grown with '..' across the iterations of a loop that runs once
-- per piece of some input is copied again on every step.
local function hex(str)
  local s = ""
  for i = 1, #str do
    s = s .. string.format("%02x", str:byte(i)) -- want: string-concat-in-loop "s"
  end
  return s
end

local function reverse(str)
  local r = ""
  for c in str:gmatch(".") do
    r = c .. r -- want: string-concat-in-loop
  end
  return r
end

local function slurp(f)
  local out = ""
  while true do
    local chunk = f:read(4096)
    if not chunk then break end
    out = out .. chunk -- want: string-concat-in-loop
  end
  return out
end

local function words(text)
  local acc = ""
  local pos = 1
  repeat
    local s, e = text:find("%w+", pos)
    if s then
      acc = acc .. text:sub(s, e) .. " " -- want: string-concat-in-loop
      pos = e + 1
    end
  until not s
  return acc
end

local function lines(path)
  local all = ""
  for line in io.lines(path) do
    all = all .. line .. "\n" -- want: string-concat-in-loop
  end
  for _, field in ipairs(split(all, ",")) do
    all = all .. field -- want: string-concat-in-loop
  end
  return all
end

-- The outer loop accumulates even though the inner one resets its own string.
local function report(text)
  local out = ""
  for row in text:gmatch("[^\n]+") do
    local line = ""
    for cell in row:gmatch("[^,]+") do
      line = line .. cell -- want: string-concat-in-loop
    end
    out = out .. line .. "\n" -- want: string-concat-in-loop
  end
  return out
end
-- A while loop over the bytes of a string (reduced from luassert's
-- binarystring formatter).
local function dump(str)
  local out, i = "", 1
  while i <= #str do
    out = out .. string.format("%02x", str:byte(i)) -- want: string-concat-in-loop
    i = i + 1
  end
  return out
end
return hex, reverse, slurp, words, lines, report, dump
