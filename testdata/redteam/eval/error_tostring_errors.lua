-- attempt: an error object whose __tostring raises
-- expect: runtime
error(setmetatable({}, {__tostring = function() error("inner") end}))
