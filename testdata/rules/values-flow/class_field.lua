-- A module field read through self in the module's methods: objects whose
-- metatable's __index is _M see _M.codec.
local buffer = require("string.buffer")

local _M = {}
_M.__index = _M

function _M.new()
  return setmetatable({}, _M)
end

function _M:pack(v)
  return self.codec.encode(v) -- want: method-call-with-dot
end

_M.codec = buffer.new()

return _M
