-- attempt: a backtracking string.find stuck in one Go call past --timeout
-- expect: error
-- message: ran longer than --timeout 300ms and was stopped inside a function that did not return
-- flags: --timeout 300ms
print(string.find(("a"):rep(1e5), ".-.-.-.-b"))
