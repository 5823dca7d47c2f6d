-- A serializer of a nested value: the piece added comes from a recursive
-- call, so the string ends as large as the whole value, however few keys
-- each level has (reduced from lute's batteries/toml.luau and luassert's
-- table formatter).
local function encode(value, indent)
  if type(value) ~= "table" then
    return tostring(value)
  end
  local out = "{"
  for k, v in pairs(value) do
    out = out .. "\n" .. indent .. k .. " = " .. encode(v, indent .. "  ") -- want: string-concat-in-loop
  end
  return out .. "}"
end

-- Through a local the loop sets from the recursive call.
local function format(t, level)
  local result = "{"
  for k, v in pairs(t) do
    if type(v) == "table" then
      v = format(v, level + 1)
    end
    result = result .. string.format("\n[%s] = %s", tostring(k), tostring(v)) -- want: string-concat-in-loop
  end
  return result .. "}"
end

-- A method that calls itself through self.
local Printer = {}
function Printer:dump(t)
  local s = ""
  for _, v in ipairs(t) do
    s = s .. (type(v) == "table" and self:dump(v) or tostring(v)) -- want: string-concat-in-loop
  end
  return s
end

return encode, format, Printer
