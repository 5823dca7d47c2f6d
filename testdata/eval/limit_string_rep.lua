-- string.rep is checked before it allocates.
return string.rep("x", 2^31)
