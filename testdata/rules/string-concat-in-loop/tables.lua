-- Loops over tables are silent: on real code (Kong, APISIX, LuaRocks,
-- LuaLS) they walk flags, headers, schema fields, mirrors and other short
-- lists, where the copying is too small for a maintainer to change the code.
-- Loops that scan a string or a stream are reported, and so are tables
-- decoded or read in the function (data_origin.lua) and serializers
-- (serialize.lua); a parameter alone is not enough.
local function flags(list)
  local s = ""
  for _, f in ipairs(list) do
    s = s .. " " .. f
  end
  for i = 1, #list do
    s = s .. list[i]
  end
  for k, v in pairs(list) do
    s = s .. k .. "=" .. v
  end
  return s
end

-- A count that is not the size of any input.
local function stars(n)
  local s = ""
  for _ = 1, n do
    s = s .. "*"
  end
  return s
end

-- A while loop that does not read or scan anything: digits of a number.
local function tohex(x)
  local out = ""
  while x > 0 do
    out = ("0123456789abcdef"):sub(x % 16 + 1, x % 16 + 1) .. out
    x = math.floor(x / 16)
  end
  return out
end

-- Only literals added: "../" per directory level stays as short as the
-- path is deep (reduced from koreader's quickstart.lua).
local function up(src)
  local rel = ""
  local idx = src:find("/")
  while idx do
    rel = rel .. "../"
    idx = src:find("/", idx + 1)
  end
  return rel
end

return flags, stars, tohex, up
