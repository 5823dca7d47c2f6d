-- attempt: load of a chunk with 300 locals
-- expect: ok
local f, err = load(("local a "):rep(300))
return f == nil, err ~= nil
