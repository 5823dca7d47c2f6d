-- target: luau
-- A first-line target comment makes a .lua file Luau.
local n = 0
n += 1
if n > 0 then continue end -- want: syntax-error
