-- Pointers used before any change, or taken again after it: silent.
local buffer = require("string.buffer")
local ffi = require("ffi")

---@param buf string.buffer
local function write(buf, data)
  local p, n = buf:reserve(#data)
  ffi.copy(p, data, #data)
  buf:commit(#data)
  p, n = buf:ref()
  return ffi.string(p, n)
end

-- Every path that changes the buffer takes the pointer again.
---@param buf string.buffer
local function maybe(buf, flag)
  local p, n = buf:ref()
  if flag then
    buf:put("x")
    p, n = buf:ref()
  elseif n == 0 then
    buf:reset()
    p, n = buf:ref()
  end
  return ffi.string(p, n)
end

-- A pointer taken in one branch and used in that branch only.
---@param buf string.buffer
local function scoped(buf, flag)
  if flag then
    local p, n = buf:ref()
    print(ffi.string(p, n))
  end
  buf:put("x")
end

---@param buf string.buffer
local function reads(buf)
  local p, n = buf:ref()
  local s = buf:tostring()
  local len = #buf
  return ffi.string(p, n), s, len
end

---@param a string.buffer
---@param b string.buffer
local function other(a, b)
  local p, n = a:ref()
  b:put("x")
  return ffi.string(p, n)
end

---@param buf string.buffer
local function loop(buf)
  for i = 1, 3 do
    local p, n = buf:ref()
    local s = ffi.string(p, n)
    buf:skip(1)
    print(s)
  end
end

---@param buf string.buffer
local function closure(buf)
  local p, n = buf:ref()
  local function later()
    buf:reset()
  end
  return ffi.string(p, n), later
end
local _ = { write, maybe, scoped, reads, other, loop, closure }

-- Not known to be a string.buffer: some other library's ref/put.
local function unknown(ring)
  local p = ring:ref()
  ring:put("x")
  return p
end
return unknown
