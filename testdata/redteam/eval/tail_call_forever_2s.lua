-- attempt: an infinite tail call under the default limits (issue 14)
-- expect: limit timeout|memory
-- slow
local function f() return f() end
return f()
