-- eval: max-memory=16777216 timeout=60s
-- A string doubled in a loop is stopped by the heap watchdog.
local s = "x"
while true do
  s = s .. s
end
