-- attempt: string.byte of every byte of a 1 MB string
-- expect: runtime
-- LuaJIT refuses more than 8,000 results ("string slice too long") before
-- pushing any, and so does buflsp.
return select("#", string.byte(("x"):rep(1e6), 1, -1))
