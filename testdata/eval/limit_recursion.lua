-- eval: call-stack=200
-- Unbounded recursion hits the call-stack limit.
local function depth(n)
  return 1 + depth(n + 1)
end
return depth(1)
