local s = "ok"
local u = "\u{110000}"
