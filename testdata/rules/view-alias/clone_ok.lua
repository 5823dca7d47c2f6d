-- target: buflsp
-- Copies, reads only, or changes before the view was taken: silent.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("HEADER payload")

local header = buf:slice(1, 6):clone()
buf:fill("x", 1, 6)
print(header:tostring())

local view = buf:slice(8)
print(view:tostring(), buf:tostring(), #view, #buf)
local pos = view:find("pay")
view:skip(1)
print(buf:tostring(), pos)

buf:replace(1, "h")
local again = buf:slice(1, 6)
print(again:tostring())

local other = buffer.new()
other:put("zzz")
local v2 = buf:slice(1, 2)
other:fill("y")
print(v2:tostring())
