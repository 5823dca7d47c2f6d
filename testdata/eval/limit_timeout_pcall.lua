-- eval: timeout=100ms
-- Catching the timeout error with pcall does not keep the snippet running:
-- every later instruction fails too.
local caught = 0
while true do
  local ok = pcall(function() while true do end end)
  if not ok then caught = caught + 1 end
end
