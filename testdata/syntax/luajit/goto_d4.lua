::a::
do ::a:: end
