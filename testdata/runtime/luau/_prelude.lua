-- Helpers shared by the Luau buffer scripts (loaded before each script).
--
-- Every helper prints one line "LINE: text", where LINE is the script line
-- that called it; the Go harness matches that against the "--> text" marker
-- written on the same line. Numbers are printed in a way that does not depend
-- on gopher-lua's own number formatting (reference section 7): %d for safe
-- integers, %.17g otherwise, and nan, inf, -inf, -0 spelled out.

local function fmtnum(x)
  if x ~= x then return "nan" end
  if x == 1/0 then return "inf" end
  if x == -1/0 then return "-inf" end
  if x == 0 then
    if 1/x < 0 then return "-0" end
    return "0"
  end
  if x == math.floor(x) and x > -2^53 and x < 2^53 then
    return string.format("%d", x)
  end
  return string.format("%.17g", x)
end

local function fmtstr(s)
  local out = {}
  for i = 1, #s do
    local c = s:byte(i)
    if c == 34 or c == 92 then
      out[#out + 1] = "\\" .. string.char(c)
    elseif c >= 32 and c < 127 then
      out[#out + 1] = string.char(c)
    else
      out[#out + 1] = string.format("\\x%02x", c)
    end
  end
  return '"' .. table.concat(out) .. '"'
end

local function fmt(v)
  local t = type(v)
  if t == "number" then return fmtnum(v) end
  if t == "string" then return fmtstr(v) end
  if t == "userdata" then
    local ok, n = pcall(buffer.len, v)
    if ok then return "buffer(" .. n .. ")" end
  end
  return tostring(v)
end

local function fmtall(n, ...)
  local parts = {}
  for i = 1, n do
    parts[i] = fmt((select(i, ...)))
  end
  return table.concat(parts, ", ")
end

local function line(level)
  return debug.getinfo(level + 1, "l").currentline
end

-- show prints its arguments.
function show(...)
  emit(line(2) .. ": " .. fmtall(select("#", ...), ...))
end

-- hex prints a buffer's bytes in hex, or a string's.
function hex(b)
  local s = type(b) == "string" and b or buffer.tostring(b)
  local out = {}
  for i = 1, #s do out[i] = string.format("%02x", s:byte(i)) end
  emit(line(2) .. ": " .. table.concat(out, " "))
end

-- check calls f(...) under pcall and prints "ok" plus the results, or "err"
-- plus the message. A position prefix naming the calling line is shown as
-- "here:", so markers do not change when lines move, while a prefix naming
-- any other line would still show up literally and fail.
function check(f, ...)
  local l = line(2)
  local res = { pcall(f, ...) }
  local n = #res
  for i = n + 1, 10 do if res[i] ~= nil then n = i end end
  if res[1] then
    local vals = fmtall(n - 1, select(2, unpack(res, 1, n)))
    emit(l .. ": ok" .. (vals ~= "" and " " .. vals or ""))
  else
    local msg = tostring(res[2])
    local src = debug.getinfo(2, "S").source
    local prefix = src .. ":" .. l .. ": "
    if msg:sub(1, #prefix) == prefix then
      msg = "here: " .. msg:sub(#prefix + 1)
    end
    emit(l .. ": err " .. msg)
  end
end

-- count prints how many values a call returned.
function count(...)
  emit(line(2) .. ": " .. select("#", ...))
end
