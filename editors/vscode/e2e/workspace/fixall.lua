-- Saving this file runs "source.fixAll.buflsp" (editor.codeActionsOnSave in the test's settings).
local buffer = require("string.buffer")
local function frame(payload)
  local out = buffer.new()
  out:put(payload)
  io.write("sent " .. out .. "\n")
  io.stdout:write(tostring(out))
end
return frame
