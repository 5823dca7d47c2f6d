-- ---@diagnostic comments are shared with lua-language-server: its own
-- diagnostic names are not buflsp's to report, but a misspelt buflsp name
-- in the same list still is.
---@diagnostic disable-next-line: need-check-nil, param-type-mismatch
local x = io.open("/dev/null")
---@diagnostic disable-next-line: need-check-nil, bufer-concat
-- want(-1): unknown-rule "did you mean \"buffer-concat\""
-- Its syntax and LuaDoc error codes are diagnostic names too (mini.nvim).
---@diagnostic disable-next-line: luadoc-miss-type-name, miss-end
local y = x
return x, y
