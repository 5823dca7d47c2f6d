-- attempt: a __tostring that calls tostring on itself
-- expect: limit call-stack
-- message: stack overflow
return tostring(setmetatable({}, {__tostring = function(t) return tostring(t) end}))
