local buffer = require("string.buffer")

local function frame(f, payload)
  local out = buffer.new()
  out.put(payload)
  f:write(tostring(out))
  io.write("sent " .. out .. "\n")
  print("wrote " .. out)
end

return frame
