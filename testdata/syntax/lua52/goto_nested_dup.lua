-- Lua 5.2 checks repeated labels only in the same block.
::a::
do ::a:: end
goto a
