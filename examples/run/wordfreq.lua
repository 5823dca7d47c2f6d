-- wordfreq.lua: count the words of a file with string buffers.
--
--   buflsp run examples/run/wordfreq.lua [file] [top]
--
-- The file is read straight into a buffer by the buflsp.io host module (no
-- intermediate Lua string), scanned with the buffer's find/get methods, and
-- the report is built with put/putf and written out in one call.
local buffer = require("string.buffer")
local bio = require("buflsp.io")

local path = arg[1] or arg[0]
local top = tonumber(arg[2]) or 10

local data, err = bio.readfile(path)
if not data then
  error("cannot read " .. path .. ": " .. err)
end
local size = #data

-- Lowercase in place through the bounds-checked pointer from ref().
local p, n = data:ref()
for i = 0, n - 1 do
  local c = p[i]
  if c >= 65 and c <= 90 then p[i] = c + 32 end
end

local counts, words = {}, 0
for word in data:tostring():gmatch("[%a_][%w_]*") do
  counts[word] = (counts[word] or 0) + 1
  words = words + 1
end

local list = {}
for w, c in pairs(counts) do list[#list + 1] = { w, c } end
table.sort(list, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] < b[1]
end)

local out = buffer.new()
out:putf("%s: %d bytes, %d words, %d distinct\n", path, size, words, #list)
for i = 1, math.min(top, #list) do
  out:putf("%4d  %-20s %5.1f%%\n", list[i][2], list[i][1], 100 * list[i][2] / words)
end
io.write(out)
