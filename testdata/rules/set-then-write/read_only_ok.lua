-- Buffers only read after set, or reset before writing: silent.
local buffer = require("string.buffer")

local function parse(input)
  local buf = buffer.new()
  buf:set(input)
  local head = buf:get(4)
  local obj = buf:decode()
  return head, obj
end

local function reuse(input)
  local buf = buffer.new()
  buf:set(input)
  local all = buf:get()
  buf:reset()
  buf:put("fresh")
  return all, buf
end

-- Every path that sets also resets before the write.
local function branch(input, flag)
  local buf = buffer.new()
  if flag then
    buf:set(input)
    local head = buf:get(4)
    buf:reset()
    buf:put(head)
  else
    buf:put(input)
  end
  buf:put("!")
  return buf
end

local function other(a, s)
  local b = buffer.new()
  b:set(s)
  local c = buffer.new()
  c:put(b)
  return c, a
end
return parse, reuse, branch, other
