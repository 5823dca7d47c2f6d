-- attempt: a loop that catches the timeout error with pcall and goes on
-- expect: limit timeout
-- flags: --timeout 200ms
while true do pcall(function() while true do end end) end
