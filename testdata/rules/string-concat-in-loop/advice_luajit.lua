-- target: luajit
-- LuaJIT has string.buffer, which the advice names.
local function join(str)
  local s = ""
  for i = 1, #str do
    s = s .. str:sub(i, i) .. "," -- want: string-concat-in-loop "into a string[.]buffer"
  end
  return s
end
return join
