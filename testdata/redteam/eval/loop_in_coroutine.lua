-- attempt: an endless loop inside a coroutine
-- expect: limit timeout
-- flags: --timeout 200ms
local co = coroutine.wrap(function() while true do end end)
co()
