-- More than 32 visible locals: the resolver switches from scanning its
-- stack to an index and back (scanActive), with shadowing, upvalues and
-- scopes closing on either side of the thresholds.
local a0, a1, a2 = 1, 2, 3
local function outer(p0, p1)
  local a3 = a2 + a3 + p1
  local a4 = a3 + a4 + p0
  local a5 = a4 + a0 + p1
  local a6 = a5 + a1 + p0
  local a7 = a6 + a2 + p1
  local a8 = a7 + a3 + p0
  local a9 = a8 + a4 + p1
  local a10 = a9 + a0 + p0
  local a11 = a10 + a1 + p1
  local a12 = a11 + a2 + p0
  local a13 = a12 + a3 + p1
  local a14 = a13 + a4 + p0
  local a15 = a14 + a0 + p1
  local a16 = a15 + a1 + p0
  local a17 = a16 + a2 + p1
  local a18 = a17 + a3 + p0
  local a19 = a18 + a4 + p1
  local a20 = a19 + a0 + p0
  local a21 = a20 + a1 + p1
  local a22 = a21 + a2 + p0
  local a23 = a22 + a3 + p1
  local a24 = a23 + a4 + p0
  local a25 = a24 + a0 + p1
  local a26 = a25 + a1 + p0
  local a27 = a26 + a2 + p1
  local a28 = a27 + a3 + p0
  local a29 = a28 + a4 + p1
  local a30 = a29 + a0 + p0
  local a31 = a30 + a1 + p1
  local a32 = a31 + a2 + p0
  local a33 = a32 + a3 + p1
  local a34 = a33 + a4 + p0
  local a35 = a34 + a0 + p1
  local a36 = a35 + a1 + p0
  local a37 = a36 + a2 + p1
  local a38 = a37 + a3 + p0
  local a39 = a38 + a4 + p1
  do
    local a0 = a1 .. g0
    local a3 = a4 .. g1
    local a6 = a7 .. g2
    local a9 = a10 .. g3
    local a12 = a13 .. g4
    local a15 = a16 .. g5
    local a18 = a19 .. g6
    local a21 = a22 .. g7
    local a24 = a25 .. g8
    local a27 = a28 .. g9
    local a30 = a31 .. g10
    local a33 = a34 .. g11
    local function inner(a5)
      local a7 = a5 + a6 + a0 + b0
      for a8 = 1, a7 do a9 = a8 + a39 end
      return a7, a10, inner
    end
    a33 = inner(a34)
  end
  for i = 1, 3 do
    local a12 = a12 + i
    print(a12, a3, a30)
  end
  return a0 + a38 + a39
end
do
  local b0 = a0 or b0
  local b1 = a1 or b1
  local b2 = a2 or b2
  local b3 = a0 or b3
  local b4 = a1 or b4
  local b5 = a2 or b5
  local b6 = a0 or b6
  local b7 = a1 or b7
  local b8 = a2 or b8
  local b9 = a0 or b9
  local b10 = a1 or b10
  local b11 = a2 or b11
  local b12 = a0 or b12
  local b13 = a1 or b13
  local b14 = a2 or b14
  local b15 = a0 or b15
  local b16 = a1 or b16
  local b17 = a2 or b17
  local b18 = a0 or b18
  local b19 = a1 or b19
  do
    local b20 = b0
    local b21 = b1
    local b22 = b2
    local b23 = b3
    local b24 = b4
    local b25 = b5
    local b26 = b6
    local b27 = b7
    local b28 = b8
    local b29 = b9
    local b30 = b10
    local b31 = b11
    local b32 = b12
    local b33 = b13
    local b34 = b14
    local b35 = b15
    local b36 = b16
    local b37 = b17
    local b38 = b18
    local b39 = b19
    print(b39, b0, a2)
  end
  do
    local b6 = b0
    local b0 = b1
    local b1 = b2
    local b2 = b3
    local b3 = b4
    local b4 = b5
    local b5 = b6
    local b6 = b7
    local b0 = b8
    local b1 = b9
    local b2 = b10
    local b3 = b11
    local b4 = b12
    local b5 = b13
    local b6 = b14
    local b0 = b15
    print(b5, b19)
  end
  print(b0, b19, b20)
end
print(a0, b0, outer(a1, a2))
