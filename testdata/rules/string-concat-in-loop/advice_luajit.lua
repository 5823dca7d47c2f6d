-- target: luajit
-- LuaJIT has string.buffer, which the advice names.
local function join(list)
  local s = ""
  for i = 1, #list do
    s = s .. list[i] .. "," -- want: string-concat-in-loop "into a string[.]buffer"
  end
  return s
end
return join
