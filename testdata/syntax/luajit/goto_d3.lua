do ::a:: end ::a::
