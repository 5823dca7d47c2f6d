local sb = require("string.buffer")
local buf = sb.new()
local obj = {}
local ok, err = pcall(buf.encode, obj) -- want: pcall-method-without-self "pcall\\(buf.encode, ...\\)"
pcall(buf.decode) -- want: pcall-method-without-self
xpcall(buf.put, debug.traceback, "x") -- want: pcall-method-without-self "buf"
return ok, err
