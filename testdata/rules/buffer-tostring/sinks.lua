-- tostring of a buffer whose string is only handed to something that takes
-- the buffer itself: the fix passes the buffer.
local buffer = require("string.buffer")

---@param out string.buffer
local function emit(out)
  io.write(tostring(out)) -- want: buffer-tostring "io.write"
  io.write(out:tostring(), "\n") -- want: buffer-tostring
  io.stdout:write(out:tostring()) -- want: buffer-tostring

  local all = buffer.new()
  all:put(tostring(out)) -- want: buffer-tostring "put"
  all:put("a", out:tostring(), "b") -- want: buffer-tostring

  local f = assert(io.open("/dev/null", "w"))
  f:write(tostring(out)) -- want: buffer-tostring
  f:close()
  return all
end
emit(buffer.new():put("payload"))

---@param file file*
---@param b string.buffer
local function flush(file, b)
  file:write(b:tostring()) -- want: buffer-tostring
end
flush(io.stdout, buffer.new())

-- Repeated at the top level: inside a loop.
local log = buffer.new()
for i = 1, 3 do
  log:put(i)
  io.stderr:write(tostring(log)) -- want: buffer-tostring
end
