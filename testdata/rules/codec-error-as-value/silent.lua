-- Correct uses: one result, pcall, or decode's legitimately-nil result.
local buffer = require("string.buffer")
local cjson = require("cjson.safe")

local function load(data)
  local ok, value = pcall(buffer.decode, data)
  if not ok then
    return nil, value
  end
  -- nil and false are values decode returns on success.
  local v = buffer.decode(data)
  if v == nil then
    return nil
  end
  return value
end

-- cjson.safe really returns nil, err.
local function parse(s)
  local t, err = cjson.decode(s)
  if not t then
    return nil, err
  end
  return t
end

-- The second name is never read.
local function first(s)
  local v, _ = buffer.decode(s)
  return v
end

-- A reassigned local may hold something else when tested.
local function maybe(x)
  local s = buffer.encode(x)
  if x == 0 then
    s = nil
  end
  if not s then
    return nil
  end
  return s
end

return { load = load, parse = parse, first = first, maybe = maybe }
