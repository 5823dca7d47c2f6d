-- Functions show where they were defined.
local function f() end
return f, print, coroutine.create(f)
