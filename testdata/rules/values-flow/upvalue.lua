-- Upvalues assigned anywhere in the file: a lazily created buffer, and a
-- module field assigned after the function that reads it.
local buffer = require("string.buffer")

local cache
local function get_cache()
  if not cache then
    cache = buffer.new()
  end
  cache:reset()
  cache.put("x") -- want: method-call-with-dot
  return cache
end

local M = {}

function M.emit(s)
  M.buf:putf("%s\n", s)
  M.buf:append(s) -- want: unknown-member
end

M.buf = buffer.new()

return { get_cache = get_cache, M = M }
