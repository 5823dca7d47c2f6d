-- attempt: an __index metamethod that indexes itself
-- expect: limit call-stack
-- message: stack overflow
local t = setmetatable({}, {__index = function(t, k) return t[k] end})
return t.x
