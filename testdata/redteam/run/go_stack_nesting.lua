-- attempt: __index functions 4,000 deep inside each of 199 nested coroutines (over 1 GB of Go stack: Go's stack-overflow fatal error before)
-- expect: error
-- message: not enough memory
-- flags: --max-memory 256M
local mt = {}
mt.__index = function(t, key)
  if t.n > 0 then return setmetatable({n = t.n - 1, k = t.k}, mt).x end
  if t.k > 0 then return coroutine.wrap(function() return setmetatable({n = 4000, k = t.k - 1}, mt).x end)() end
  return "bottom"
end
print(setmetatable({n = 4000, k = 199}, mt).x)
