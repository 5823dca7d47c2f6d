-- readbits/writebits against a bit-by-bit model kept in a Lua table, over a
-- deterministic pseudo-random sequence of writes of every width at every
-- alignment. Reference: luau-buffer.md section 4 (bit numbering: bit k is
-- bit k%8 of byte k/8, value bit i goes to buffer bit offset+i).

local size = 12
local b = buffer.create(size)
local model = {}
for k = 0, size * 8 - 1 do model[k] = 0 end

local seed = 12345
local function rand(n) -- a small LCG that stays exact in doubles
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

local function bitOf(v, i) return math.floor(v / 2 ^ i) % 2 end

local function modelRead(offset, count)
  local v = 0
  for i = count - 1, 0, -1 do v = v * 2 + model[offset + i] end
  return v
end

local checks, mismatches = 0, 0
for step = 1, 400 do
  local count = rand(33)
  local offset = rand(size * 8 - count + 1)
  local value = rand(2147483648) * 2 + rand(2)
  buffer.writebits(b, offset, count, value)
  for i = 0, count - 1 do model[offset + i] = bitOf(value, i) end
  -- compare a few windows, and the bytes
  for _ = 1, 4 do
    local c = rand(33)
    local o = rand(size * 8 - c + 1)
    checks = checks + 1
    if buffer.readbits(b, o, c) ~= modelRead(o, c) then mismatches = mismatches + 1 end
  end
  local i = rand(size)
  checks = checks + 1
  if buffer.readu8(b, i) ~= modelRead(i * 8, 8) then mismatches = mismatches + 1 end
end
show(checks, mismatches)                      --> 2000, 0
