-- Parameters take the kinds of the arguments at their call sites.
local buffer = require("string.buffer")
local ffi = require("ffi")

local function append(buf, sep, str)
  if #buf > 0 then
    buf:put(sep)
  end
  buf.put(str) -- want: method-call-with-dot
end

local function send(buf, sink)
  local p, n = buf:ref()
  buf:put("\n")
  sink(p, n) -- want: stale-pointer
end

local function borrow(buf, s)
  buf:set(s)
  buf:put("tail") -- want: set-then-write
end

local values = buffer.new(64)
local names = buffer.new(64)
append(values, ",", "a")
append(names, ",", "b")
append(names, nil, "c") -- a nil argument takes nothing away
send(values, print)
borrow(names, "x")
return ffi
