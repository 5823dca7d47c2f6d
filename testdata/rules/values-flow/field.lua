-- target: buflsp
-- Fields set in a constructor and used in methods of the same class.
local buffer = require("string.buffer")

local Writer = {}
Writer.__index = Writer

function Writer:line(s)
  self.out:put(s, "\n")
  return self.out .. "" -- want: buffer-concat
end

function Writer:flush()
  local v = self.out:slice()
  self.out:reset()
  return v:tostring() -- want: view-alias
end

function Writer:load(s)
  local v, err = self.codec:decode() -- want: codec-error-as-value
  return v, err, s
end

-- A method returning the field: self:buffer() is a buffer too.
function Writer:buffer()
  return self.out
end

function Writer:reset_all()
  self:buffer().reset() -- want: method-call-with-dot
end

function Writer.new()
  local self = setmetatable({}, Writer)
  self.out = buffer.new()
  return self
end

local function make_reader()
  return setmetatable({ codec = buffer.new() }, Writer)
end

return { Writer = Writer, make_reader = make_reader }
