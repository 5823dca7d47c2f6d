-- Argument error names and numbers come from the call site.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new()
try(function() b:get({}) end)            -- method: #1
try(function() b.get(b, {}) end)         -- field: #2
try(function() local g = b.get; g(b, {}) end)  -- local: its name
try(function() getter = b.get; getter(b, {}) end) -- global
try(function() return b:get({}) end)     -- tail call: '?'
try(b.get, b, {})                        -- called from pcall: '?', no location
try(function() b.get({}) end)            -- bad self through a field call
try(function() b:skip({}) end)
try(function() local t = {}; t.f = b.skip; t.f(b, "x") end)
try(function() local up = b.put; return (function() up(b, nil) end)() end)
try(function() buffer.decode(1) end)
try(function() local dec = buffer.decode; dec({}) end)
try(function() buffer.encode() end)
try(function() b:encode() end)
try(function() b:putf() end)
try(function() b:putf({}) end)
try(function()
  local x = 1
  b:put(x, x, x, {})
end)
-- Two calls with different names on one line.
try(function() b:put("a"); b:get({}) end)
print(b:tostring())
