-- disable ... enable silences a rule over a range of lines.
---@diagnostic disable: unknown-rule
---@diagnostic disable-next-line: bogus-one
local a = 1
---@diagnostic enable: unknown-rule
---@diagnostic disable-next-line: bogus-two
-- want(-1): unknown-rule "bogus-two"
local b = 2
