-- attempt: unpack over the whole 32-bit range
-- expect: ok
return unpack({1, 2, 3}, -2^31, 2^31)
