-- Functions declared before they are defined take the kinds of the
-- arguments at their call sites, also from functions written above them.
local buffer = require("string.buffer")

local encode_value
local write_frame
local unused

local function encode_table(t, buf)
  for k, v in pairs(t) do
    encode_value(k, buf)
    encode_value(v, buf)
  end
end

function encode_value(v, buf)
  if type(v) == "table" then
    return encode_table(v, buf)
  end
  buf.put(tostring(v)) -- want: method-call-with-dot
end

write_frame = function(out, payload)
  out.put(payload) -- want: method-call-with-dot
end

-- Assigned twice: which function a call reaches is not known.
local pick = function(x) return x end
pick = function(out) out.put("y") end

local function run()
  write_frame(buffer.new(), "x")
  pick(buffer.new())
end

function unused(b)
  b.put("never called with a buffer")
end

encode_value({}, buffer.new())
return { run = run, unused = unused }
