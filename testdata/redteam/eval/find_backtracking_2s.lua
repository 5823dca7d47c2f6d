-- attempt: the same backtracking find under the default 2 s (issue 14: kept a core of the server busy)
-- expect: limit timeout
-- message: ran longer than
-- slow
return string.find(("a"):rep(1e5), ".-.-.-.-b")
