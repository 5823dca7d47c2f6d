-- target: buflsp
-- A view of one buffer of unknown identity, and an in-place edit of another:
-- nothing ties the two, so nothing is reported (they used to share one
-- typed-nil key in the rule's facts).
local buffer = require("string.buffer")
local t = { a = buffer.new(), b = buffer.new() }

local function pick(c)
  if c then
    return t.a
  end
  return t.b
end

local function head(c)
  local v = pick(c):slice(1, 2)
  pick(not c):fill("x", 1, 2)
  return v:tostring()
end
return head
