-- The buffer libraries and bit are available.
local sb = require("string.buffer")
local enc = sb.encode({1, 2, "three"})
local dec = sb.decode(enc)
return bit.band(0xff, 0x0f), bit.tohex(255), require("bit") == bit,
  require("buffer") == buffer, #enc, dec
