-- Created once, without options, or kept beyond the call: silent.
local buffer = require("string.buffer")
local options = { dict = { "id", "name" } }
local shared = buffer.new(options)

local function encode(msg)
  return shared:reset():encode(msg):tostring()
end

-- No serializer options: a cheap buffer.
local function render(x)
  local b = buffer.new()
  b:put(x)
  local c = buffer.new(256)
  c:put(b)
  local d = buffer.new({})
  d:put(c)
  return d:tostring()
end

-- A constructor: the buffer lives on in the returned object.
local Codec = {}
Codec.__index = Codec
function Codec.new(opts)
  local self = setmetatable({}, Codec)
  self.buf = buffer.new(options)
  return self
end
local function make()
  local b = buffer.new(options)
  return b
end
local pool = {}
for i = 1, 4 do
  pool[i] = buffer.new(options)
end

-- A table module called new that is not string.buffer.
local other = { new = function(t) return t end }
for i = 1, 3 do
  other.new({ dict = { "x" } })
end
return encode, render, Codec, make, pool
