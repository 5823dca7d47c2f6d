-- attempt: table.sort with a comparator that always says true
-- expect: ok|runtime
local t = {}
for i = 1, 1000 do t[i] = i end
table.sort(t, function() return true end)
return #t
