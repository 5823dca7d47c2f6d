-- Shapes met in real code (Kong, APISIX, LuaRocks, Penlight, LuaLS).

-- One finding per string per loop, however many statements grow it.
local function escape(str)
  local out = "\""
  for i = 1, #str do
    local c = str:sub(i, i)
    if c == "\\" then
      out = out .. "\\\\" -- want: string-concat-in-loop "out"
    elseif c == "\n" then
      out = out .. "\\n"
    else
      out = out .. c
    end
  end
  return out .. "\""
end

-- A field grows just the same.
local Writer = {}
function Writer:add(text)
  for it in text:gmatch("%S+") do
    self.text = (self.text or "") .. it -- want: string-concat-in-loop "self.text"
  end
end

-- A separator added when the string is not empty: still one accumulation.
local function join(text)
  local s = ""
  for v in text:gmatch("[^,]+") do
    if s ~= "" then
      s = s .. ", " -- want: string-concat-in-loop
    end
    s = s .. v
  end
  return s
end

-- Its length is not a use of the intermediate string.
local function pad(text)
  local s = ""
  for v in text:gmatch("%S+") do
    if #s > 0 then s = s .. " " end -- want: string-concat-in-loop
    s = s .. v
  end
  return s
end

-- The loop runs once: it is left unconditionally a few statements later.
local function first(list)
  local s = ""
  for _, v in ipairs(list) do
    s = s .. v
    local n = #s
    if n > 0 then print(n) end
    break
  end
  for _, v in pairs(list) do
    if v then
      s = s .. v
      return s
    end
  end
  return s
end

-- Every intermediate string is used: a directory per path component, a
-- name extended until it is free.
local function mkdirs(parts, mkdir, exists)
  local path = ""
  for _, p in ipairs(parts) do
    path = path .. "/" .. p
    mkdir(path)
  end
  local name = "backup"
  repeat
    name = name .. "~"
  until not exists(name)
  return path, name
end

-- A string reset through a local function the loop calls is bounded.
local function tokens(str)
  local out, cur = {}, ""
  local function flush()
    out[#out + 1] = cur
    cur = ""
  end
  for i = 1, #str do
    local c = str:sub(i, i)
    if c == " " then
      flush()
    else
      cur = cur .. c
    end
  end
  flush()
  return out
end

-- A break that leaves only the inner loop: the outer one still grows s.
local function rows(grid)
  local s = ""
  for row in grid:gmatch("[^\n]+") do
    for cell in row:gmatch("[^,]+") do
      s = s .. cell -- want: string-concat-in-loop
      break
    end
  end
  return s
end

-- A conditional break does not make the loop run once.
local function until_empty(f)
  local s = ""
  for v in f:lines() do
    if v == "" then break end
    s = s .. v -- want: string-concat-in-loop
  end
  return s
end

return escape, Writer, join, pad, first, mkdirs, tokens, rows, until_empty
