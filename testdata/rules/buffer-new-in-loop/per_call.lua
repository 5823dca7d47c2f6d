-- Buffers with serializer options made in a loop or on every call.
local buffer = require("string.buffer")
local options = { dict = { "id", "name" } }

local function encode(msg)
  local enc = buffer.new(options) -- want: buffer-new-in-loop "every call"
  return enc:encode(msg):tostring()
end

local function decode_all(list)
  local out = {}
  for i, s in ipairs(list) do
    local dec = buffer.new(64, options) -- want: buffer-new-in-loop "loop"
    out[i] = dec:set(s):decode()
  end
  return out
end

local function inline(msg)
  local b = buffer.new({ metatable = { {} } }) -- want: buffer-new-in-loop
  b:encode(msg)
  return #b
end

local sb = require("string.buffer")
for _ = 1, 3 do
  local tmp = sb.new({ dict = { "k" } }) -- want: buffer-new-in-loop
  tmp:encode({ k = 1 })
end
return encode, decode_all, inline
