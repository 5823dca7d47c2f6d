-- Separate buffers for encoding and decoding: silent.
local buffer = require("string.buffer")
local enc = buffer.new()
local dec = buffer.new()

local function send(obj)
  return enc:reset():encode(obj):tostring()
end

local function receive(s)
  dec:set(s)
  local first = dec:decode()
  local rest = dec:decode()
  return first, rest
end

-- The module functions do not involve a shared buffer.
local s = buffer.encode({ 1 })
local t = buffer.decode(s)
return send, receive, t
