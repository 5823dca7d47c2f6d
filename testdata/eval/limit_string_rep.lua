-- string.rep is checked before it allocates. (2^31 and more would repeat
-- nothing: LuaJIT converts the count to a 32-bit integer.)
return string.rep("x", 2^30)
