goto a
local z
::a:: ;
