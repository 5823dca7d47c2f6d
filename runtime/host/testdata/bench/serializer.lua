-- The string.buffer serializer as Lua code uses it, timed by the script
-- itself with os.clock (processor time, under luajit and buflsp run alike),
-- so that one text measures both runtimes in the same benchmark run.
-- Prints one line per case: NAME CPU_SECONDS_PER_OP CHECK, where CHECK is a
-- number both runtimes must agree on (bytes written, fields read back).
-- Usage: luajit serializer.lua [CASE [SCALE]]
-- CASE is a prefix of the case names to run ("records", "strings-decode";
-- all by default); SCALE multiplies the repeat counts.
local buffer = require("string.buffer")
local only = arg and arg[1] or ""
local scale = tonumber(arg and arg[2]) or 1

-- timeit runs fn once to warm up (LuaJIT compiles its loops), then reps
-- times, and returns the processor seconds per call and fn's last result.
local function timeit(reps, fn)
  local check = fn()
  collectgarbage()
  local c0 = os.clock()
  for _ = 1, reps do check = fn() end
  return (os.clock() - c0) / reps, check
end

-- wanted tells whether a case of the group (a name prefix) is to run.
local function wanted(group)
  return group:sub(1, #only) == only or only:sub(1, #group) == group
end

local function report(name, reps, fn)
  if name:sub(1, #only) ~= only then return end
  local secs, check = timeit(math.max(1, math.floor(reps * scale)), fn)
  print(string.format("%s %.9f %d", name, secs, check))
end

-- 20,000 small records in one list (built only when a records case runs,
-- so that the strings cases do not carry them in the heap).
if wanted("records") then
  local records = {}
  for i = 1, 20000 do
    records[i] = { id = i, name = "item" .. i, active = i % 2 == 0, score = i * 0.5, tags = { "a", "b" } }
  end
  local encoded = buffer.encode(records)
  report("records-encode", 10, function()
    encoded = buffer.encode(records)
    return #encoded
  end)
  report("records-decode", 5, function()
    local t = buffer.decode(encoded)
    return #t + t[#t].id
  end)
  -- The same records through a buffer whose dict option names the five
  -- keys: each key is written as a two-byte index.
  local dbuf = buffer.new({ dict = { "id", "name", "active", "score", "tags" } })
  dbuf:encode(records)
  local dencoded = dbuf:tostring()
  report("records-dict-encode", 10, function()
    dbuf:reset()
    dbuf:encode(records)
    return #dbuf
  end)
  report("records-dict-decode", 5, function()
    dbuf:set(dencoded)
    local t = dbuf:decode()
    return #t + t[#t].id
  end)
end

-- 64 strings of 64 KiB, encoded through a buffer and taken out with
-- tostring, then decoded from a buffer that references the result.
if wanted("strings") then
  local strings = {}
  for i = 1, 64 do
    strings[i] = string.rep(string.char(64 + i % 26), 65536 - 8) .. string.format("%08d", i)
  end
  local buf = buffer.new()
  buf:encode(strings)
  local big = buf:tostring()
  report("strings-encode", 20, function()
    buf:reset()
    buf:encode(strings)
    big = buf:tostring()
    return #big
  end)
  report("strings-decode", 20, function()
    buf:set(big)
    local t = buf:decode()
    return #t + #t[64]
  end)
end
