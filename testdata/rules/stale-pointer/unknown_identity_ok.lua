-- Two buffers whose identity the analyzer cannot follow (each call may
-- return either one): a change to one says nothing about a pointer into the
-- other, so nothing is reported. Before bufferKey returned a true nil, every
-- such buffer shared one typed-nil key and this was reported.
local buffer = require("string.buffer")
local ffi = require("ffi")
local t = { a = buffer.new(), b = buffer.new() }

local function pick(c)
  if c then
    return t.a
  end
  return t.b
end

local function copy(c)
  local p, n = pick(c):ref()
  pick(not c):put("x")
  return ffi.string(p, n)
end
return copy
