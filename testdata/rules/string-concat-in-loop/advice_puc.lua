-- target: lua54
-- PUC Lua has no string.buffer, so the advice is table.concat.
local function join(list)
  local s = ""
  for i = 1, #list do
    s = s .. list[i] .. "," -- want: string-concat-in-loop "table.concat"
  end
  return s
end
return join
