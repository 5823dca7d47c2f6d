-- A function passed to a parameter that is only called (a visitor and
-- its argument): the calls made through the parameter reach it.
local buffer = require("string.buffer")

local function visit_for_key(field, value, out)
  out:putf("%s|", value or "")
  out.put(field) -- want: method-call-with-dot
end

local function visit_for_context(field, value, ctx)
  ctx[field] = value -- a table: silent
  ctx:add_value(field, value) -- unknown here: silent
end

local function each_field(fields, cb, cb_arg)
  for _, f in ipairs(fields) do
    cb(f, f.value, cb_arg)
  end
end

local key_buf = buffer.new(64)

local function cache_key(fields)
  key_buf:reset()
  each_field(fields, visit_for_key, key_buf)
  return key_buf:get()
end

local function context(fields)
  local ctx = {}
  each_field(fields, visit_for_context, ctx)
  return ctx
end

-- Called from elsewhere with a context this file knows nothing of: the
-- buffer another call passes to each_field does not reach it.
local function fill(c, fields)
  each_field(fields, visit_for_context, c)
  return c
end

-- The same through a method: the visitor's argument slot also receives
-- the buffer from method's other call.
local V = {}
function V:each(fields, cb, cb_arg)
  for _, f in ipairs(fields) do cb(f, f.value, cb_arg) end
end
function V:key(fields)
  self:each(fields, visit_for_key, key_buf)
end
local function visit_for_atc(field, value, atc)
  atc:add_value(field, value) -- unknown here: silent
end
function V:fill(c, fields)
  self:each(fields, visit_for_atc, c)
  return c
end

-- The parameter is also stored: the function passed escapes, and nothing
-- is assumed about its parameters.
local saved
local function keep(cb, arg)
  saved = cb
  cb(arg)
end
keep(function(b) b.put("x") end, buffer.new())

return { cache_key = cache_key, context = context, fill = fill, V = V, saved = saved }
