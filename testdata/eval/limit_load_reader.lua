-- A reader function that never stops is stopped by the memory limit, piece
-- by piece, before load compiles anything.
local piece = string.rep("-", 1024 * 1024)
return load(function() return piece end)
