-- commit with no reserve before it, or more than was reserved.
local buffer = require("string.buffer")
local ffi = require("ffi")

local function a(data)
  local buf = buffer.new()
  buf:put(data)
  buf:commit(4) -- want: commit-without-reserve "no reserve"
  return buf
end

local function b(data)
  local buf = buffer.new()
  local p = buf:reserve(16)
  ffi.copy(p, data, 16)
  buf:commit(32) -- want: commit-without-reserve "32.*16"
  return buf
end

local function c()
  local buf = buffer.new()
  local p = buf:reserve(8)
  p[0] = 1
  buf:commit(1)
  buf:commit(1) -- want: commit-without-reserve
  return buf
end
return a, b, c
