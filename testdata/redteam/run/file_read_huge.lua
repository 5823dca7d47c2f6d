-- attempt: file:read(2^40) and io.read(2^40) (gopher-lua allocates the count first: a Go fatal out-of-memory before)
-- expect: ok
-- stdout: ^false	.*not enough memory \(file:read asked for 1099511627776 bytes.*\nfalse	.*not enough memory \(io.read asked for
local f = assert(io.open(arg[0]))
print(pcall(f.read, f, 2^40))
print(pcall(io.read, 2^40))
