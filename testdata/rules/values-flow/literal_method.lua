-- A function written in a table constructor is a method of the object the
-- constructor builds: self.buf is the constructor's buffer.
local buffer = require("string.buffer")

local function export(writer)
  writer:write("x")
end

local file = {
  buf = buffer.new(),
  name = "out",
  write = function(self, str)
    self.buf:put(str)
    self.buf.put(str) -- want: method-call-with-dot
    self.name:put(str) -- a string: silent
  end,
}
export(file)
return file.buf:get()
