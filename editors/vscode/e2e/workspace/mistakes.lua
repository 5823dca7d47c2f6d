-- Buffer mistakes for the VS Code end-to-end test (editors/vscode/e2e/run.mjs).
-- The checks find their places by line and column: keep every line where it is.
local buffer = require("string.buffer")
local buf = buffer.new()
buf.put("header")
buf:append("body")
local s = "total: " .. buf
buf:put(s)
