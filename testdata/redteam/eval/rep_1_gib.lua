-- attempt: string.rep of 1 GiB, refused before it is allocated
-- expect: limit memory
-- message: string.rep asked for 1073741824 bytes
return #string.rep("x", 2^30)
