-- Valid options: arrays of strings or tables, false for retired entries.
local sb = require("string.buffer")
local mt = {}
local a = sb.new({ dict = { "id", "kind", false, "body" } })
local b = sb.new(128, { metatable = { mt }, dict = {} })
local keys = { "a", "b" }
local c = sb.new({ dict = keys })
local d = sb.new({ dict = load_keys() })
local e = sb.new({ unknown = 1 })
return a, b, c, d, e
