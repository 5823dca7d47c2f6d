-- Shared definitions for the oracle cases. This file runs unchanged in
-- LuaJIT and in gopher-lua before the cases are evaluated, so it must only
-- use what both have (no FFI, no bit library, no integer division).

local zero = 0
negzero = -zero          -- a literal -0 is folded into +0 by gopher-lua's compiler
nan = zero / zero
inf = 1 / zero          -- gopher-lua's math.huge is the largest finite double

MT1 = {}
MT2 = { __index = {} }
MT3 = {}

-- rep(s, n) is string.rep, named short for the cases.
rep = string.rep

-- seq(n) returns {1, 2, ..., n} built by appending.
function seq(n)
  local t = {}
  for i = 1, n do t[#t + 1] = i end
  return t
end

-- seq0(n) returns a table with keys 0..n, built in order.
function seq0(n)
  local t = {}
  for i = 0, n do t[i] = i end
  return t
end

-- deep(n) returns n nested tables: deep(1) == {}, deep(2) == {{}}.
function deep(n)
  local t = {}
  for _ = 2, n do t = { t } end
  return t
end

-- deepkey(n) nests through keys instead of values.
function deepkey(n)
  local t = {}
  for _ = 2, n do t = { [t] = true } end
  return t
end

-- cycle() returns a table that contains itself.
function cycle()
  local t = { 1 }
  t[2] = t
  return t
end

-- mapn(n) returns a table with n string keys k1..kn.
function mapn(n)
  local t = {}
  for i = 1, n do t["k" .. i] = i end
  return t
end

-- withmt(t, mt) is setmetatable that works on both sides.
withmt = setmetatable

-- mtpair() returns {a, x = b} with both a and b carrying MT1. It builds
-- the parts in locals: gopher-lua 1.1.2 miscompiles a constructor with a
-- call in the array part followed by a call in a hash field ({f(), x = g()}
-- gets an extra t[2]).
function mtpair()
  local a = withmt({}, MT1)
  local b = withmt({ 1 }, MT1)
  return { a, x = b }
end
