-- A table of functions called with a key known only at run time: each of
-- them may be the one called, so each takes the call's argument kinds.
local buffer = require("string.buffer")

local serializers = {
  [1] = function(buf, sep, a)
    buf:put(a)
  end,
  [2] = function(buf, sep, a, b)
    buf:put(a, sep)
    buf.put(b) -- want: method-call-with-dot
  end,
}

local out = buffer.new()

local function log(sep, ...)
  local n = select("#", ...)
  if serializers[n] then
    serializers[n](out, sep, ...)
  end
  return out:get()
end

-- A table filled with computed keys is not a known set of functions: silent.
local handlers = {}
for _, name in ipairs({ "a", "b" }) do
  handlers[name] = function(b) b.put(name) end
end
local function handle(name)
  handlers[name](out)
end

return { log = log, handle = handle }
