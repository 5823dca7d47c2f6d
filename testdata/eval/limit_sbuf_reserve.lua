-- eval: max-memory=1048576
-- string.buffer's new and reserve are checked before they allocate.
local sb = require("string.buffer")
local b = sb.new(100)
b:reserve(4 * 1024 * 1024)
