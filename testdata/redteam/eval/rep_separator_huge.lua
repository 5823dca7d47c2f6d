-- attempt: string.rep with a 32 MiB separator 100 times: over LuaJIT's largest string
-- expect: runtime
-- message: not enough memory
return #string.rep("x", 100, ("y"):rep(2^25))
