-- attempt: string.rep reached through the string metatable
-- expect: limit memory
return #getmetatable("").__index.rep("x", 2^30)
