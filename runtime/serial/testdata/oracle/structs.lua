-- Checks the Go API's struct encodings with LuaJIT (go_struct_test.go).
-- Reads lines "NAME<TAB>DICTKEYS<TAB>HEX<TAB>LUAEXPR" from standard input:
-- HEX is the Go encoding of a struct, LUAEXPR the Lua table a user expects
-- it to be, DICTKEYS a comma-separated dict option or "-". For each line it
-- decodes HEX, compares it with the value of LUAEXPR, and re-encodes it.
-- Prints "NAME<TAB>same<TAB>HEX2" or "NAME<TAB>differ: GOT vs WANT<TAB>HEX2",
-- or "NAME<TAB>error: MSG<TAB>-".
local buffer = require("string.buffer")
local ffi = require("ffi") -- the decoder needs it for int64 cdata

local function unhex(s)
  return (s:gsub("..", function(h) return string.char(tonumber(h, 16)) end))
end

local function tohex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

-- dump prints a value canonically: table keys sorted by their dump,
-- numbers with all their digits, cdata by type and value.
local function dump(v)
  local t = type(v)
  if t == "table" then
    local items = {}
    for k, x in pairs(v) do
      items[#items + 1] = dump(k) .. "=" .. dump(x)
    end
    table.sort(items)
    return "{" .. table.concat(items, ",") .. "}"
  elseif t == "number" then
    return string.format("%.17g", v)
  elseif t == "string" then
    return string.format("%q", v)
  elseif t == "cdata" then
    return tostring(ffi.typeof(v)) .. ":" .. tostring(v)
  end
  return tostring(v)
end

for line in io.lines() do
  local name, keys, hex, expr = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
  local opts = {}
  if keys ~= "-" then
    opts.dict = {}
    for k in keys:gmatch("[^,]+") do opts.dict[#opts.dict + 1] = k end
  end
  local buf = buffer.new(opts)
  local ok, got = pcall(function()
    local v = buf:set(unhex(hex)):decode()
    assert(#buf == 0, "left-over data")
    return v
  end)
  if not ok then
    print(name .. "\terror: " .. tostring(got) .. "\t-")
  else
    local want = assert(loadstring("return " .. expr))()
    local again = tohex(buffer.new(opts):encode(got):tostring())
    local dg, dw = dump(got), dump(want)
    if dg == dw then
      print(name .. "\tsame\t" .. again)
    else
      print(name .. "\tdiffer: " .. dg .. " vs " .. dw .. "\t" .. again)
    end
  end
end
