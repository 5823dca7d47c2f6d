-- syntax-error cannot be disabled, not even with a comment naming it.
---@diagnostic disable-next-line: syntax-error
local x = = 1 -- want: syntax-error
---@diagnostic disable
local y = = 2 -- want: syntax-error
