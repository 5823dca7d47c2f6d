-- target: buflsp
---@param b buffer
---@param s string.buffer
local function f(b, s)
  s:put(buffer.tostring(b))
  buffer.writeu8(s, 0, 1) -- want: kind-mismatch "must be a Luau buffer"
  return b:len() -- want: kind-mismatch "buffer.len"
end
return f
