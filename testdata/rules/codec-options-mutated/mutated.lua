-- A dict or metatable table changed after the buffer was created.
local buffer = require("string.buffer")
local keys = { "id", "name" }
local mts = { {} }
local buf = buffer.new({ dict = keys, metatable = mts })
keys[#keys + 1] = "extra" -- want: codec-options-mutated "keys"
table.insert(mts, {}) -- want: codec-options-mutated "mts"

local opts = { dict = { "a", "b" } }
local b2 = buffer.new(opts)
opts.dict[3] = "c" -- want: codec-options-mutated
opts.dict = { "z" } -- want: codec-options-mutated

local d3 = { "x" }
local b3 = buffer.new(16, { dict = d3 })
local function later()
  d3[2] = "y" -- want: codec-options-mutated
end
return buf, b2, b3, later
