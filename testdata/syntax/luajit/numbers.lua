-- LuaJIT numerals, including the FFI suffixes and binary literals.
local n = { 0, 42, 0x7f, 0XFF, 3.25, .5, 5., 1e10, 1E-3, 2.5e+2, 0x1p4, 0x1.8P-1, 0x.8 }
local c = { 1LL, 1ll, 0x10ULL, 1ull, 12LLU, 3i, 2.5i, 0b101, 0B11 }
return n, c
