-- attempt: {unpack({}, 1, 5e6)} (issue 14: a Go trace under run)
-- expect: runtime
-- message: too many results to unpack
local t = {unpack({}, 1, 5e6)}
return #t
