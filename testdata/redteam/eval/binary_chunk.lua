-- attempt: load of a binary chunk
-- expect: ok
local f, err = load("\27LJ\2")
return f, err
