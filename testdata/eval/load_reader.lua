-- load with a reader function: the pieces are joined (a number counts as
-- its text) until nil or "".
local parts = {"return ", 4, "0 + ", "2", ""}
local i = 0
local f = assert(load(function() i = i + 1; return parts[i] end, "=pieces"))
return f(), i
