-- timeout-ms: 300
local n = 0
while true do n = n + 1 end -- error: timeout limit exceeded
