-- attempt: string.byte of every byte of a 1 MB string
-- expect: limit registry|runtime
return select("#", string.byte(("x"):rep(1e6), 1, -1))
