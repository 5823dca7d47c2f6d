-- A second result bound from encode/decode, then read: always nil.
local buffer = require("string.buffer")
local encode = buffer.encode

local function load(data)
  local value, err = buffer.decode(data) -- want: codec-error-as-value "buffer.decode raises on failure .* err is always nil"
  if err then
    return nil, "could not decode: " .. err
  end
  return value
end

local function store(dict, key, value)
  local s, err = encode(value) -- want: codec-error-as-value "string.buffer.encode"
  if not s then
    return nil, err
  end
  dict[key] = s
  return true
end

local buf = buffer.new()
local function next_value()
  local v, e
  v, e = buf:decode() -- want: codec-error-as-value "e is always nil"
  if e then
    return nil, e
  end
  return v
end

-- Not fixable: three names, but still a mistake.
local function three(s)
  local a, b, c = buffer.decode(s) -- want: codec-error-as-value
  return a, b, c
end

return { load = load, store = store, next_value = next_value, three = three }
