-- attempt: string.rep("x", 2^40) (issue 14: a Go trace under run); LuaJIT converts the count to a 32-bit integer and returns ""
-- expect: ok
return #string.rep("x", 2^40)
