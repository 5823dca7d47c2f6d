-- attempt: select with a count far past the arguments
-- expect: ok
return select(2^40, 1, 2, 3)
