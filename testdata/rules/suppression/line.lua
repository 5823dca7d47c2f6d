-- disable-line cannot silence itself (the rule list is on the same line),
-- but it does silence everything on its line when it names no rule.
local a = 1 ---@diagnostic disable-line
---@diagnostic disable-line: stale-pointr
-- want(-1): unknown-rule "did you mean \"stale-pointer\""
