-- A file being typed: a method call with no name yet.
local buffer = require("string.buffer")
local buf = buffer.new()
local x = buf: -- want(+1): syntax-error
local y = 1
