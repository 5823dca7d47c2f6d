goto a
local z
::a:: ::b::
