-- attempt: one string.gsub call that builds 1 GB (the VM never regains control)
-- expect: error
-- message: not enough memory: .* inside a function that did not return
-- flags: --max-memory 64M
print(#string.gsub(("x"):rep(1e6), "x", ("y"):rep(1000)))
