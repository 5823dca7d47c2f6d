-- encode's result tested for failure: it never is false.
local buffer = require("string.buffer")

local function send(sock, data)
  local str = buffer.encode(data) -- want: codec-error-as-value "test of str at line 6 is never true"
  if not str then
    return nil, "cannot encode"
  end
  return sock:send(str)
end

local function pack(obj)
  local out = buffer.encode(obj) -- want: codec-error-as-value
  if out == nil then
    error("encoding failed")
  end
  return out
end

return { send = send, pack = pack }
