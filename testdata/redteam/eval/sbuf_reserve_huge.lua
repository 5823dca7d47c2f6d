-- attempt: string.buffer reserve of 1 GiB
-- expect: limit memory
local b = require("string.buffer").new()
return b:reserve(2^30)
