-- A missing 'end' inside the first function: the indentation of the next
-- top-level function shows where the first one should have ended, so the
-- error is reported there and the later functions stay at the top level.
local M = {}

function M.f(x)
  if x then
    print(x)
  -- the 'end' of the if is missing
end

function --[[ERROR "expected 'end' \(to close 'function' at line 6\) near 'function'"]] M.g()
  while true do
    local y = 1
end

local --[[ERROR "expected 'end' \(to close 'function' at line 12\) near 'local'"]] function h()
  return M
end

return M
