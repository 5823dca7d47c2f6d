-- Calling io.open fails with Lua's usual message for a nil call.
local f = io.open("/etc/passwd")
