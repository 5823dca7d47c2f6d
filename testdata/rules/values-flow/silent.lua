-- Where callers disagree or are unknown, nothing is assumed.
local buffer = require("string.buffer")

-- Called with a buffer and with a string: the parameter is unknown.
local function emit(out, s)
  out.put(s)
end
emit(buffer.new(), "a")
emit("not a buffer", "b")

-- Passed as a callback to a function that keeps it: its callers are not
-- all known.
local handlers = {}
local function visit(out, v)
  out.put(v)
end
local function walk(f, b)
  handlers[#handlers + 1] = f
  f(b, 1)
end
walk(visit, buffer.new())
visit(buffer.new(), 2)

-- Passed to another module's function: the same.
local function visit2(out, v)
  out.put(v)
end
require("walker").walk(visit2, buffer.new())
visit2(buffer.new(), 2)

-- A function that passes its parameter on and is called only from other
-- files: the kinds this file passes to the function it calls are not its.
local function sink(x) return x end
local function relay(c)
  sink(c)
  c.put("x")
end
sink(buffer.new())

-- A field that two classes fill with different things.
local A, B = {}, {}
function A.new() local self = setmetatable({}, A) self.out = buffer.new() return self end
function B.new(sink) local self = setmetatable({}, B) self.out = sink return self end
function A:write(s) self.out.put(s) end

-- A class whose methods read a field that only another class's methods
-- set: the other class's kind does not apply.
local C, D = {}, {}
function C:init() self.sink = buffer.new() end
function C:flush() self.sink:reset() end
function D:write(s) self.sink.put(s) end

-- An upvalue that is sometimes a buffer and sometimes a table.
local sink = buffer.new()
local function set_sink(t) sink = t end
local function write(s) sink.put(s) end

return { relay = relay, A = A, B = B, C = C, D = D, set_sink = set_sink, write = write }
