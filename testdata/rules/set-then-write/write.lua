-- A buffer that borrows a string through set and is then written to copies
-- the data anyway.
local buffer = require("string.buffer")

local function parse(input)
  local buf = buffer.new()
  buf:set(input)
  local head = buf:get(4)
  buf:put("trailer") -- want: set-then-write "set"
  return head, buf:tostring()
end

local function frames(input)
  local buf = buffer.new()
  buf:set(input)
  while #buf > 0 do
    local n = buf:get(1):byte()
    buf:skip(n)
  end
  buf:putf("%d", 0) -- want: set-then-write
  return buf
end

local function loop(list)
  local buf = buffer.new():set(list[1])
  for i = 2, #list do
    buf:put(list[i]) -- want: set-then-write
  end
  return buf
end
-- A set in one branch reaches the write after it (reduced from Kong's
-- clustering/config_helper.lua, which replaces a large buffer by its
-- digest and goes on putting).
---@param o string.buffer
local function digest(o, md5, value)
  if #o > 1000000 then
    o:set(md5(o:tostring()))
  end
  o:put(value) -- want: set-then-write "set on line"
  return o
end

local function either(input, flag)
  local buf = buffer.new()
  if flag then
    buf:set(input)
  else
    buf:put(input)
  end
  buf:put("!") -- want: set-then-write
  return buf
end
return parse, frames, loop, digest, either
