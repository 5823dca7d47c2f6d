-- load and loadstring refuse binary chunks.
local f1, e1 = load("\27LuaQ\0\1\4\8\4\8\0")
local f2, e2 = loadstring("\27LJ\2")
local f3, e3 = load(function() return nil end)
return f1, e1, f2, e2, type(f3)
