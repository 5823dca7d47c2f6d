-- Members that the buffer kinds do not have.
local sb = require("string.buffer")
local buf = sb.new()
buf:append("x") -- want: unknown-member "append"
buf:putt("x") -- want: unknown-member "did you mean \"put\""
local s = buf:tostrng() -- want: unknown-member "tostring"
sb.nwe() -- want: unknown-member "did you mean \"new\""
sb.put("x") -- want: unknown-member "method of buffer objects"
buf:readu8(0) -- want: unknown-member "Luau's buffer library"
local chained = buf:reset():apend("y") -- want: unknown-member "apend"

local function make()
  return sb.new(16)
end
make():flush() -- want: unknown-member "flush"

-- Extensions exist only when the target is buflsp.
local v = buf:slice(1, 4) -- want: unknown-member "target is buflsp"
return s, chained, v
