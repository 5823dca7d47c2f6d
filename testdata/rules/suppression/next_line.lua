-- disable-next-line silences the line after the comment, and only that line.
---@diagnostic disable-next-line: unknown-rule
---@diagnostic disable-next-line: no-such-rule
local a = 1
---@diagnostic disable-next-line: no-such-rule
-- want(-1): unknown-rule "no-such-rule"
local b = 2
