-- A pointer from ref or reserve used after its buffer changed.
local buffer = require("string.buffer")
local ffi = require("ffi")

local function to_c(msg, sink)
  local out = buffer.new()
  out:encode(msg)
  local ptr, len = out:ref()
  out:put("\n")
  sink(ptr, len) -- want: stale-pointer "ptr.*put"
  sink(ptr, len)
end

---@param buf string.buffer
local function fill(buf, data)
  local p, n = buf:reserve(#data)
  ffi.copy(p, data, #data)
  buf:commit(#data)
  return p[0] -- want: stale-pointer "commit"
end

---@param buf string.buffer
local function both_branches(buf, flag)
  local p = buf:ref()
  if flag then
    buf:skip(1)
  else
    buf:reset()
  end
  return p -- want: stale-pointer
end

---@param buf string.buffer
local function early_exit(buf, flag)
  local p = buf:ref()
  if flag then
    buf:get(1)
  else
    return nil
  end
  return p -- want: stale-pointer "get"
end

---@param buf string.buffer
local function in_loop(buf, list)
  local p, n = buf:ref()
  buf:set("new data")
  for i = 1, #list do
    list[i] = p[i] -- want: stale-pointer
  end
end
return to_c, fill, both_branches, early_exit, in_loop
