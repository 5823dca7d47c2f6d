-- A misspelt action is reported too.
---@diagnostic disable-nextline: unknown-rule
-- want(-1): unknown-rule "unknown ---@diagnostic action \"disable-nextline\""
local a = 1
