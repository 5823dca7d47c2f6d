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
-- A change in one branch: on that path the pointer is stale.
---@param buf string.buffer
local function maybe(buf, flag)
  local p, n = buf:ref()
  if flag then
    buf:put("x")
  end
  return ffi.string(p, n) -- want: stale-pointer "put on line"
end

-- A pointer taken in one branch still reaches the use after the change.
---@param buf string.buffer
local function taken_in_branch(buf, flag, data)
  local p
  if flag then
    p = buf:reserve(#data)
  end
  buf:put(data)
  return p -- want: stale-pointer "reserve on line"
end
return to_c, fill, both_branches, early_exit, in_loop, maybe, taken_in_branch
