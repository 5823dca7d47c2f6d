-- Ordinary Lua with no buffers and no mistakes: nothing may be reported.
local M = {}

function M.join(list, sep)
  local out = {}
  for i = 1, #list do
    out[#out + 1] = tostring(list[i])
  end
  return table.concat(out, sep or ",")
end

local s = "a" .. "b"
goto done
::done::
return M
