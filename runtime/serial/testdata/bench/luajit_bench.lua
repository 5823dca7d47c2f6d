-- Times LuaJIT's string.buffer encode and decode on payload files written by
-- bench_test.go, so that both sides measure the same bytes in the same run.
-- Usage: luajit luajit_bench.lua NAME FILE DICTKEYS [NAME FILE DICTKEYS ...]
-- DICTKEYS is a comma-separated key list for the dict option, or "-".
-- Prints one line per payload:
-- NAME encode_ns encode_cpu_ns decode_ns decode_cpu_ns bytes (all per op)
local buffer = require("string.buffer")
local ffi = require("ffi")

-- Wall-clock time, like Go's benchmarks (os.clock would be CPU time).
ffi.cdef [[
  struct bench_timespec { long tv_sec; long tv_nsec; };
  int clock_gettime(int clk, struct bench_timespec *tp);
]]
local ts = ffi.new("struct bench_timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

-- timeit doubles the repeat count until one batch takes at least 0.4s,
-- then returns the wall-clock and the CPU seconds per call. The machine
-- may be shared, so the CPU time is the steadier of the two.
local function timeit(fn)
  local n = 1
  while true do
    local t0, c0 = now(), os.clock()
    for _ = 1, n do fn() end
    local dt, dc = now() - t0, os.clock() - c0
    if dt >= 0.4 then return dt / n, dc / n end
    n = n * 2
  end
end

for i = 1, #arg, 3 do
  local name, path, keys = arg[i], arg[i + 1], arg[i + 2]
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  local opts = {}
  if keys ~= "-" then
    local dict = {}
    for k in keys:gmatch("[^,]+") do dict[#dict + 1] = k end
    opts.dict = dict
  end
  local enc, dec = buffer.new(opts), buffer.new(opts)
  local obj = dec:set(data):decode()
  local encWall, encCPU = timeit(function() enc:reset():encode(obj) end)
  local size = #enc
  local decWall, decCPU = timeit(function() dec:set(data):decode() end)
  io.write(name, " ", string.format("%.1f %.1f %.1f %.1f", encWall * 1e9, encCPU * 1e9, decWall * 1e9, decCPU * 1e9), " ", size, "\n")
end
