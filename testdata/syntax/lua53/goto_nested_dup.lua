::a::
do ::a:: end
goto a
