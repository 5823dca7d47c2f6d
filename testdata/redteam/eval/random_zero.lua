-- attempt: math.random(0) (issue 14: Go's "invalid argument to Intn"); LuaJIT returns 1
-- expect: ok
return math.random(0), math.random(2, 1) == 2
