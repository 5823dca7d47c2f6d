-- attempt: load of table constructors nested 200,000 deep
-- expect: ok|limit memory|call-stack|timeout
local f, err = load("return " .. ("{"):rep(2e5) .. ("}"):rep(2e5))
return f ~= nil, err ~= nil
