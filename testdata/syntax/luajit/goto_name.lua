local t = { goto = 1 }
local goto = t.goto
print(goto, t:goto())
::goto::
goto = 2
