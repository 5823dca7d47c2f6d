-- Lengths passed along: silent.
local buffer = require("string.buffer")
local ffi = require("ffi")
local buf = buffer.new()
buf:put("abc")
local ptr, len = buf:ref()
local s = ffi.string(ptr, len)
local t = ffi.string(buf:ref())
local dst = ffi.new("char[16]")
ffi.copy(dst, ptr, len)
-- Pointers from elsewhere are not ours to judge.
local cstr = ffi.cast("const char *", "abc")
local u = ffi.string(cstr)
ffi.copy(dst, "literal")
return s, t, u
