-- attempt: an infinite tail call
-- expect: limit timeout|memory
-- flags: --timeout 300ms
local function f() return f() end
return f()
