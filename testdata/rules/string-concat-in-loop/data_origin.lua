-- Loops over tables whose size comes from data: the table was decoded or
-- read inside a function, which runs on whatever its callers pass.
local cjson = require("cjson")
local pairs = pairs -- OpenResty code localises pairs

-- The values of a decoded request body (reduced from APISIX's
-- plugins/http-dubbo.lua).
local function params_of(body)
  local params = ""
  local obj = cjson.decode(body)
  for _, v in pairs(obj) do
    params = params .. tostring(v) .. "\n" -- want: string-concat-in-loop
  end
  return params
end

-- A field of decoded data, walked by index up to its length.
local function names(doc_text)
  local doc = cjson.decode(doc_text)
  local out = ""
  for i = 1, #doc.items do
    out = out .. doc.items[i].name .. "," -- want: string-concat-in-loop
  end
  return out
end

-- The lines of a file.
local function listing(path)
  local lines = vim.fn.readfile(path)
  local s = ""
  for _, line in ipairs(lines) do
    s = s .. line .. "\n" -- want: string-concat-in-loop
  end
  return s
end

-- The pieces of a split of what was read.
local function fields(f)
  local text = f:read("a")
  local s = ""
  for _, field in ipairs(vim.split(text, ",")) do
    s = s .. field -- want: string-concat-in-loop
  end
  return s
end

-- A message decoded with string.buffer.
local sbuf = require("string.buffer")
local function tags(bytes)
  local msg = sbuf.decode(bytes)
  local s = ""
  for k in pairs(msg.tags) do
    s = s .. k .. ";" -- want: string-concat-in-loop
  end
  return s
end

return params_of, names, listing, fields, tags
