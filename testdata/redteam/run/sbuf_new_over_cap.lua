-- attempt: string.buffer.new with 1 GiB under a 64 MiB limit
-- expect: error
-- message: not enough memory \(buffer.new asked for
-- flags: --max-memory 64M
local sb = require("string.buffer")
print(#sb.new(2^30))
