local function f(x)
  if x then
    return 1
  end

local y = 2
--[[ERROR "expected 'end' \(to close 'function' at line 1\) near <eof>"]]
