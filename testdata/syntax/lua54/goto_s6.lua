goto a
::a:: ::b::
local y
