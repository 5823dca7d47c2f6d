-- One buffer used to encode and to set/decode.
local buffer = require("string.buffer")
local buf = buffer.new()

local function send(obj)
  buf:reset()
  buf:encode(obj)
  return buf:tostring()
end

local function receive(s)
  buf:set(s) -- want: codec-buffer-reuse "set"
  return buf:decode()
end

local function roundtrip(obj)
  local b = buffer.new()
  b:encode(obj)
  return b:decode() -- want: codec-buffer-reuse "decode"
end
return send, receive, roundtrip
