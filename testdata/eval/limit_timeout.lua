-- eval: timeout=100ms
-- An endless loop is stopped by the deadline.
local n = 0
while true do n = n + 1 end
