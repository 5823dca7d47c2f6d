-- eval: registry=4096
-- Pushing 100,000 values at once (string.byte of every byte of a string)
-- exceeds a registry (value stack) of 4,096.
local s = string.rep("x", 1e5)
return select('#', string.byte(s, 1, -1))
