-- Labels and gotos: forward, backward, nested blocks, across functions
-- (unresolved), duplicate names in sibling blocks, continue-style loops.
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  do
    goto inner
    ::inner::
  end
  ::continue::
end
::top::
local n = 0
n = n + 1
if n < 3 then goto top end
local function f()
  goto top -- not visible across the function boundary
end
while true do
  repeat
    local r = n
    if r then goto done end
  until r > 1
end
::done::
do ::done:: goto done end
goto nowhere
