-- A ---@type annotation on a local declared without a value (or as nil)
-- gives the variable its type; the value that arrives later is a buffer.
local M = require("string.buffer")

---@type string.buffer
local out
out = M.new()

---@type string.buffer
local pending = nil

local function flush()
  out:apend("x") -- want: unknown-member "apend"
  pending:putt("y") -- want: unknown-member "did you mean \"put\""
end

-- Without an annotation nothing is known about the variable: silent.
local other
other = {}
other:anything()
return flush
