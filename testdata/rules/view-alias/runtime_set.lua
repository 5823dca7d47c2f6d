-- target: buflsp
-- set drops the source's storage: the view is stale.
local buffer = require("string.buffer")
local buf = buffer.new()
buf:put("hello world")
local word = buf:slice(1, 5)
buf:set("other")
print(word:find("l")) -- want: view-alias "set"
