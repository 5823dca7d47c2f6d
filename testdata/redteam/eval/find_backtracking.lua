-- attempt: string.find with a pattern that backtracks for minutes, inside one Go call
-- expect: limit timeout
-- message: ran longer than
-- flags: --timeout 300ms
return string.find(("a"):rep(1e5), ".-.-.-.-b")
