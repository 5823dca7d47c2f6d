-- attempt: string.rep of 1 GiB under a 64 MiB limit: refused before allocating
-- expect: error
-- message: not enough memory \(string.rep asked for 1073741824 bytes, over the memory limit of 64 MiB\)
-- flags: --max-memory 64M
print(#string.rep("x", 2^30))
