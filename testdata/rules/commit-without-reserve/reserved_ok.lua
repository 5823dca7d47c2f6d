-- Commits that follow a reserve, or whose buffer came from elsewhere: silent.
local buffer = require("string.buffer")
local ffi = require("ffi")

local function a(data)
  local buf = buffer.new()
  local p, n = buf:reserve(#data)
  ffi.copy(p, data, #data)
  buf:commit(#data)
  return buf
end

local function b(read)
  local buf = buffer.new()
  while true do
    local p, n = buf:reserve(4096)
    local got = read(p, n)
    if got == 0 then break end
    buf:commit(got)
  end
  buf:commit(0)
  return buf
end

-- The reserve happened in the caller.
---@param buf string.buffer
local function finish(buf, n)
  buf:commit(n)
end

local function c(flag)
  local buf = buffer.new()
  if flag then
    buf:reserve(8)
  end
  buf:commit(8)
  return buf
end

local function d()
  local buf = buffer.new()
  local p, n = buf:reserve(8)
  buf:commit(n)
  return buf
end
return a, b, finish, c, d
