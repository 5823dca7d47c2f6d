-- A function defined with ':' has self as its first parameter: a ':' call
-- passes the receiver there, a '.' call its first argument.
local buffer = require("string.buffer")

local W = {}
W.__index = W

function W:send(buf)
  self.put(buf) -- self is W, not the buffer: silent
  buf.put("\n") -- want: method-call-with-dot
end

function W:flush(out)
  out.reset() -- want: method-call-with-dot
end

function W:frame(out)
  self:flush(out)
end

W:send(buffer.new())
W.frame(W, buffer.new())
return W
