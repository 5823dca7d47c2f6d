local s = "ok"
local u = "\u{48}"
