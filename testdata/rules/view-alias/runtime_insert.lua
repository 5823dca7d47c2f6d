-- target: buflsp
-- insert shifts the bytes: the view is stale.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("hello world")
local word = buf:slice(7)
buf:insert(6, ",")
print(word:tostring()) -- want: view-alias "insert"
