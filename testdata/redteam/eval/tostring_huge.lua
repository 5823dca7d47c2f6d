-- attempt: a __tostring that returns 16 MiB, formatted with %s
-- expect: ok
return #string.format("%s", setmetatable({}, {__tostring = function() return ("x"):rep(2^24) end}))
