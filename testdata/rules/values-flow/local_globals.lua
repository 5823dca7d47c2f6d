-- OpenResty code copies the globals it uses into locals: the copies are
-- the globals themselves as long as nothing assigns them again.
local require = require
local setmetatable = setmetatable
local pcall = pcall
local buffer = require "string.buffer"
local ok, sb = pcall(require, "string.buffer")

local function parse(key)
  local buf = buffer.new():set(key)
  local hash = buf:get(22)
  buf.skip(1) -- want: method-call-with-dot
  return hash
end

local Obj = {}
Obj.__index = Obj

function Obj.new()
  return setmetatable({ out = sb.new() }, Obj)
end

function Obj:write(s)
  self.out.put(s) -- want: method-call-with-dot
end

-- A local that is assigned again is not a copy of the global.
local load = require
load = function(name) return name end
local other = load("string.buffer")
other.new() -- silent: load no longer requires anything

return { parse = parse, Obj = Obj, ok = ok }
