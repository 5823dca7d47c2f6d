-- Run on LuaJIT by TestCodecFixOnLuaJIT with this file and its golden: lines
-- starting "same:" must print the same before and after the fix, and the
-- failing calls that escaped before must reach the error branches after it.
local buffer = require("string.buffer")
local decode = buffer.decode
local ok = "the name ok is taken, so the fix picks another"

local function load(s)
  local v, err = decode(s) -- want: codec-error-as-value
  if err then
    return "handled: " .. err
  end
  return v
end

local function save(x)
  local str, err = buffer.encode(x) -- want: codec-error-as-value
  if not str then
    return "handled: " .. tostring(err)
  end
  return #str
end

local buf = buffer.new()
local function pop()
  local v, err
  v, err = buf:decode() -- want: codec-error-as-value
  if err then
    return "handled: " .. err
  end
  return v
end

local function show(tag, f, ...)
  local good, r = pcall(f, ...)
  print(tag, good and "returned" or "raised", (tostring(r):gsub("^.-:%d+: ", "")))
end

show("same:", load, buffer.encode({ 1, 2 }) and buffer.encode(42))
show("same:", load, buffer.encode(nil))
show("same:", save, { a = 1 })
buf:put(buffer.encode("x"))
show("same:", pop)
show("fail:", load, "\255")
show("fail:", save, print)
show("fail:", pop)
print(ok)
