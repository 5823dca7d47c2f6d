-- eval: max-memory=1000
-- buffer.fromstring copies its argument, so its length is checked.
local s = string.rep("z", 999)
local ok = pcall(buffer.fromstring, s)
return buffer.fromstring(s .. "zz")
