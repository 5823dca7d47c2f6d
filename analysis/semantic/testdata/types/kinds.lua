-- Buffer kinds through locals, chaining, functions and annotations.
local sb = require("string.buffer")
local buf = sb.new(64)
local chained = buf:reset():put("a", 1)
local s = buf:tostring()
local view = buf:slice(1, 2)
local size = 16
local n = size * 2
local name = "ab" .. "cd"

local function make()
  return sb.new()
end
local made = make()

---@param b string.buffer
---@param lb buffer
local function use(b, lb)
  return b, lb
end

---@type string.buffer
local annotated = get_it()

local t = { out = buf, dict = { "a", "b" } }
local out = t.out
t.self = t
local p, len = buf:ref()
return chained, s, view, n, name, made, use, annotated, out, p, len
