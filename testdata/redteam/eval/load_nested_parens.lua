-- attempt: load of an expression nested a million deep (issue 14: kept growing after it was abandoned)
-- expect: ok|limit memory|call-stack|timeout
local f, err = load("return " .. ("("):rep(1e6) .. "1" .. (")"):rep(1e6))
return f ~= nil, err
