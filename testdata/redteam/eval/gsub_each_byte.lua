-- attempt: gsub of every byte of a 10 MB string with a table
-- expect: ok|limit memory|timeout
return #(("x"):rep(1e7):gsub(".", {}))
