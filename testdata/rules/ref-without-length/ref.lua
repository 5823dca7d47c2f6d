-- A pointer from ref used without its length: buffer data has no terminating zero.
local buffer = require("string.buffer")
local ffi = require("ffi")
local buf = buffer.new()
buf:put("abc")
local ptr, len = buf:ref()
local s = ffi.string(ptr) -- want: ref-without-length "ffi.string"
local t = ffi.string((buf:ref())) -- want: ref-without-length
local dst = ffi.new("char[16]")
ffi.copy(dst, ptr) -- want: ref-without-length "ffi.copy"
return s, t, len
