-- buflsp-only: find, rfind and split.
local buffer = require("string.buffer")

local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, ok and "" or err)
end

local b = buffer.new():put("one,two,,three,")
print(b:find(","), b:find(",", 5), b:find("two"), b:find("zzz"))
print(b:find(",", -1), b:find(",", 100), b:find("", 3), b:find("o.e"))
print(b:rfind(","), b:rfind(",", 14), b:rfind("o"), b:rfind("one", 1), b:rfind("two", 4))
local parts = b:split(",")
print(#parts, table.concat(parts, "|"))
parts = b:split(",", 2)
print(#parts, parts[1], parts[2])
print(#b:split("two"), #buffer.new():split(","), buffer.new():split(",")[1] == "")
print(table.concat(buffer.new():put("a::b::c"):split("::"), " "))
b:skip(4)
print(b:find(","), table.concat(b:split(","), "|"))
try(function() b:split("") end)
try(function() b:split(",", 0) end)
try(function() b:find() end)
