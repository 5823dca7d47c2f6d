-- The receiver is a call: the fix would write it twice and run it twice,
-- so the finding has no quick fix.
local buffer = require("string.buffer")
local made = 0
local function fresh()
  made = made + 1
  return buffer.new()
end
local ok = pcall(fresh().encode, { 1 }) -- want: pcall-method-without-self
return ok, made
