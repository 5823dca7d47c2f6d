-- attempt: string.gsub that builds 1 GB in one Go call
-- expect: limit memory|timeout
return #string.gsub(("x"):rep(1e6), "x", ("y"):rep(1000))
