-- eval: timeout=100ms
-- A loop inside a coroutine is stopped as well.
local co = coroutine.wrap(function()
  while true do end
end)
co()
