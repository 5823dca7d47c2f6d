-- Long values are cut: strings after 256 bytes, tables after 64 entries.
local t = {}
for i = 1, 100 do t[i] = i end
local wide = {}
for i = 1, 8 do wide["key" .. i] = string.rep("v", 10) end
return string.rep("ab", 200), t, wide
