-- eval: registry=4096
-- Pushing a million values at once exceeds the registry (value stack).
local t = {}
return select('#', unpack(t, 1, 1e6))
