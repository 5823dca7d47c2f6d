local x
do goto a end
local y
::a::
