---@diagnostic disable-next-line: no-such-rule
local a = 1
