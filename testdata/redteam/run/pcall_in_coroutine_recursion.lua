-- attempt: pcall recursion inside a coroutine (each pcall there runs in a coroutine of its own)
-- expect: ok
-- stdout: ^C stack overflow\n$
local function p(n) return pcall(p, n + 1) end
local function last(...) local n = select('#', ...) return (select(n, ...)) end
print(last(coroutine.resume(coroutine.create(function() return p(0) end))))
