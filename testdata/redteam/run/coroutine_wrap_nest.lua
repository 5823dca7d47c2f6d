-- attempt: coroutine.wrap inside coroutine.wrap without end (a Go stack overflow before; LuaJIT segfaults)
-- expect: error
-- message: C stack overflow
local function nest() return coroutine.wrap(function() return nest()() end) end
print(nest()())
