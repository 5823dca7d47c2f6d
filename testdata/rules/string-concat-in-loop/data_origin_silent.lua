-- Near-misses of data_origin.lua: tables whose size does not follow the
-- input, silent.
local cjson = require("cjson")

-- Decoded in the main chunk: a script walking the one file it names (lune's
-- generator scripts decode a fixed list of colours).
local colors = cjson.decode(io.open("colors.json"):read("a"))
local out = ""
for _, c in ipairs(colors) do
  out = out .. c.name .. "\n"
end
print(out)

-- The local is assigned again: its origin is not one value any more.
local function later(text, fallback)
  local t = cjson.decode(text)
  if not t then
    t = fallback
  end
  local s = ""
  for _, v in ipairs(t) do
    s = s .. v
  end
  return s
end

-- A parameter of an exported function: on real code the cookies of a test
-- client, path segments, the arguments of a command; measured too noisy.
local M = {}
function M.cookies(list)
  local s = ""
  for i = 1, #list do
    s = s .. "; " .. list[i]
  end
  return s
end

-- The result of a call of unknown size: the levels of a configuration value
-- (reduced from APISIX's proxy-cache/util.lua).
local function levels(spec)
  local s = ""
  local parts = spec:split(":")
  for _, v in ipairs(parts) do
    s = s .. v .. "/"
  end
  return s
end

-- A file read one byte at a time up to a NUL reads a short field (reduced
-- from LuaRocks' win32/pe-parser.lua).
local function readstring(f)
  local name = ""
  while true do
    local c = f:read(1)
    if c == "\0" then break end
    name = name .. c
  end
  return name
end

-- Another function called in the loop is no recursion.
local function show(x) return tostring(x) end
local function join(t)
  local s = ""
  for _, v in pairs(t) do
    s = s .. show(v)
  end
  return s
end

return M, later, levels, readstring, join
