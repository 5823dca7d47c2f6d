-- target: buflsp
-- The buflsp runtime has Luau's buffer library as a global.
local b = buffer.create(4)
print(buffer.readu32(b, 8)) -- want: out-of-bounds
return b
