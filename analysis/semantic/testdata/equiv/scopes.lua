local buffer = require("string.buffer")
local x = 1
local x = x + 1 -- shadows, reads the first x
---@param buf string.buffer the target
---@param n? number
---@return string.buffer
local function fill(buf, n)
  for i = 1, n do buf:put(i) end
  return fill(buf, n - 1)
end
---@type string.buffer
local sb = buffer.new()
function M.obj:method(a) return self, a, sb end
y = x
repeat local r = 1 until r
goto skip
::skip::
---@diagnostic disable-next-line: buffer-concat, unknown-member
print(sb .. "x")
---@class Reader: Base
---@field data string.buffer payload
---@alias Handler fun(b: string.buffer): boolean
