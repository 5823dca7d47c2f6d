-- target: lua54
-- PUC Lua has no string.buffer, so the advice is table.concat.
local function join(str)
  local s = ""
  for i = 1, #str do
    s = s .. str:sub(i, i) .. "," -- want: string-concat-in-loop "table.concat"
  end
  return s
end
return join
