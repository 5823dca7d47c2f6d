-- attempt: 400 started coroutines, each resuming the next (nesting that no single create sees)
-- expect: ok
-- stdout: ^200	C stack overflow\n$
local function last(...) local n = select('#', ...) return n, (select(n, ...)) end
local cs = {}
for i = 1, 400 do
  cs[i] = coroutine.create(function() coroutine.yield() return coroutine.resume(cs[i + 1]) end)
  coroutine.resume(cs[i])
end
print(last(coroutine.resume(cs[1])))
