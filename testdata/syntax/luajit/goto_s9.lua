goto a
local z
::a:: ; ::c::
