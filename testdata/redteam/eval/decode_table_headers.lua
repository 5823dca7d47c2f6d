-- attempt: decoding 1,000 copies of an 8-byte serialized table header that announces 2^27 array slots (issue 14: reached 2 GB)
-- expect: ok
local sb = require("string.buffer")
local hdr = "\x0a\xff\x00\x00\x00\x08\x01\x01"
local failed = 0
for i = 1, 1000 do
  if not pcall(sb.decode, hdr) then failed = failed + 1 end
end
return failed
