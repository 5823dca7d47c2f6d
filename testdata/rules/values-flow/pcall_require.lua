-- string.buffer loaded with pcall(require, ...) in its usual forms.
local ok, buffer = pcall(require, "string.buffer")
if not ok then
  buffer = nil
end

local has, sbuf = pcall(require, "string.buffer")
local lib = has and sbuf

local function encode(x)
  if not buffer then
    return nil
  end
  local s, err = buffer.encode(x) -- want: codec-error-as-value
  return s, err
end

local function fresh()
  return lib:new() -- want: method-call-with-dot
end

return { encode = encode, fresh = fresh }
