-- target: buflsp
-- A view shares memory with its source: a change through one shows in the other.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("HEADER payload")

local header = buf:slice(1, 6)
buf:fill("x", 1, 6)
print(header:tostring()) -- want: view-alias "header.*fill"

local view = buf:slice(8)
view:replace(1, "PAY")
print(buf:tostring()) -- want: view-alias "buf.*replace"

local first = buf:slice(1, 1)
buf:reset()
print(#first) -- want: view-alias "reset"

buf:put("abcdef")
local tail = buf:slice(-3)
buf:replace(1, "ab")
print(tail:tostring()) -- want: view-alias "runs past the end"
