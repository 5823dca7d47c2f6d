-- attempt: a million live coroutines
-- expect: limit memory|timeout
local co = coroutine.create(function() end)
for i = 1, 1e6 do
  local prev = co
  co = coroutine.create(function() return prev end)
end
return co
