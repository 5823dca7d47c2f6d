-- A small message codec for a TCP service, written against LuaJIT's
-- string.buffer. Frames are a 1-byte kind, a 4-byte little-endian length
-- and a payload serialized with buffer.encode.
--
-- This file deliberately contains mistakes that `buflsp check` reports.
-- Each one is marked with a "mistake:" comment naming the rule.
local buffer = require("string.buffer")
local ffi = require("ffi")

local M = {}

local KIND_DATA = 1
local KIND_PING = 2

-- Shared options: short keys for the fields every message has.
local options = { dict = { "id", "kind", "body", "sent_at" } }

local function u32le(n)
  return string.char(n % 256, math.floor(n / 256) % 256,
    math.floor(n / 65536) % 256, math.floor(n / 16777216) % 256)
end

--- Encodes one message into a frame string.
---@param msg table
---@return string
function M.encode(msg)
  local enc = buffer.new(options) -- mistake: buffer-new-in-loop (options prepared on every call)
  enc:encode(msg)
  local out = buffer.new()
  out:put(string.char(KIND_DATA), u32le(#enc))
  out.put(enc) -- mistake: method-call-with-dot
  return out:tostring()
end

--- Renders a frame as hex for the debug log.
---@param frame string
---@return string
function M.hexdump(frame)
  local out = ""
  for i = 1, #frame do
    out = out .. string.format("%02x ", frame:byte(i)) -- mistake: string-concat-in-loop
  end
  return out
end

--- Reads every complete frame from `input` and returns the decoded messages
--- and the bytes left over.
---@param input string
function M.decode_all(input)
  local buf = buffer.new()
  buf:set(input)
  local messages = {}
  while #buf >= 5 do
    local kind, len = buf:get(1), buf:get(4)
    local b1, b2, b3, b4 = len:byte(1, 4)
    local n = b1 + b2 * 256 + b3 * 65536 + b4 * 16777216
    if #buf < n then break end
    if kind:byte() == KIND_PING then
      buf:skip(n)
    else
      local payload = buffer.new(options) -- mistake: buffer-new-in-loop
      payload:set(buf:get(n))
      messages[#messages + 1] = payload:decode()
    end
  end
  buf:put("") -- mistake: set-then-write (the leftover was borrowed from input)
  local rest = buf:get(nil, 0) -- mistake: get-nil-not-last
  return messages, rest
end

--- Writes a frame to a file without building an intermediate string.
---@param f file*
---@param msg table
function M.write_frame(f, msg)
  local out = buffer.new()
  out:put(M.encode(msg))
  f:write(tostring(out)) -- mistake: buffer-tostring (f:write accepts the buffer)
  print("wrote " .. out) -- mistake: buffer-concat
end

--- Hands the encoded bytes to C without a copy.
---@param msg table
function M.to_c(msg, sink)
  local out = buffer.new()
  out:encode(msg)
  local ptr, len = out:ref()
  out:put("\n") -- the buffer changes here, so ptr may now point to freed memory
  sink(ptr, len) -- mistake: stale-pointer
  return ffi.string(ptr) -- mistake: ref-without-length
end

function M.ping()
  local b = buffer:new() -- mistake: method-call-with-dot (the module is passed as the size)
  return b:put(string.char(KIND_PING), u32le(0)):tostring()
end

return M
