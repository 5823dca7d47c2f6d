-- attempt: coroutines created inside coroutines without end
-- expect: limit memory|call-stack|timeout|runtime
-- flags: --timeout 500ms
local function nest() return coroutine.wrap(function() return nest()() end) end
return nest()()
