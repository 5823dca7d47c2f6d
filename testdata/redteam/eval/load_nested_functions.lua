-- attempt: load of 50,000 nested function bodies
-- expect: ok|limit memory|call-stack|timeout
local f, err = load(("function f() "):rep(5e4) .. ("end "):rep(5e4))
return f ~= nil, err ~= nil
