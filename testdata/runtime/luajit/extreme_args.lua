-- Extreme arguments to the functions whose gopher-lua versions failed with
-- Go's texts or Go's limits: the same results and messages as luajit.
local function try(f, ...)
  local ok, a, b = pcall(f, ...)
  print(ok, type(a) == "string" and #a > 60 and ("#" .. #a) or a, b)
end

-- string.rep: the count converts like a 32-bit int; the separator counts.
try(string.rep, "x", 2^40)
try(string.rep, "ab", 2^31 + 3)
try(string.rep, "x", 2^32 + 3)
try(string.rep, "x", 0/0)
try(string.rep, "x", -1)
try(string.rep, "x", 3, ",")
try(string.rep, "", 5, "-")
try(string.rep, "x", 1, ",")
try(string.rep, "x", 100, ("y"):rep(2^25))
try(string.rep, "xx", 2^30, "yy")

-- unpack: at most 8,000 values with the arguments.
try(function() return select("#", unpack({}, 1, 7997)) end)
try(function() return select("#", unpack({}, 1, 7998)) end)
try(function() return select("#", unpack({}, 1, 5e6)) end)
try(function() return unpack({1, 2, 3}, -2^31, 2^31) end)
try(function() return unpack({1, 2, 3}, 3, 1) end)
try(function() return unpack({1, 2, 3}, 2) end)

-- math.random: no range checks.
math.randomseed(7)
for _, args in ipairs({{0}, {2, 1}, {-5}, {3.5}, {1, 1}, {2^40}}) do
  local r = math.random(unpack(args))
  print(#args, r == math.floor(r), r >= math.min(1, args[1]) or args[2] ~= nil)
end
try(math.random, "x")
local r = math.random()
print(r >= 0 and r < 1)

-- select: counts from the end when negative; out of range below the first.
try(select, 0, 1)
try(select, -1, 1, 2)
try(select, -3, 1, 2)
try(select, 5, 1, 2)
try(select, "#")
try(select, "x", 1)
try(select, 1.7, "a", "b")
try(select, "2", "a", "b")
try(select, 2^40, 1)
try(select)

-- string.char: codes 0..255 only.
try(string.char, 256)
try(string.char, -1)
try(string.char, 65.9, "66")
try(string.char)

-- tonumber with a base: 2..36, converted like an int; numbers read as text.
try(tonumber, "1", 99)
try(tonumber, "1", 1)
try(tonumber, "z", 36)
try(tonumber, "10", 2.5)
try(tonumber, 10, 16)
try(tonumber, "ff", "16")
try(tonumber, "ff", nil)
