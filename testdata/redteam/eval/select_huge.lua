-- attempt: select with a count of 2^40, which wraps to a negative int as in LuaJIT
-- expect: runtime
-- message: bad argument #1 to '?' (index out of range)
return select(2^40, 1, 2, 3)
