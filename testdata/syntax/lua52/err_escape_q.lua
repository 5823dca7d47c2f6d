local s = "ok"
local q = "\q"
