-- load of source text works, with a chunk name and an environment.
local f = assert(load("return x * 2", "=double", "t", {x = 21}))
local g = assert(loadstring("return ..."))
local bad, err = load("return +", "=bad")
return f(), g(1, 2), bad, err
