-- range: 6-9
local function helper()
  return 1
end

local b = require("string.buffer").new()
b:put("abc")
local n = #b --= 3
error("boom at " .. n) -- error: runtime error: boom at 3
