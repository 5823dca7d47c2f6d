-- A buffer created lazily (x = x or buffer.new(), or only on some paths)
-- is still a buffer where it is used: nil joined with a buffer keeps the
-- buffer's kind, since a use reached with nil raises anyway.
local buffer = require("string.buffer")

local function system_prompt(messages)
  local prompt
  for _, m in ipairs(messages) do
    if m.role == "system" then
      prompt = prompt or buffer.new()
      prompt:put(m.content)
      prompt.put("\n") -- want: method-call-with-dot
    end
  end
  return prompt and prompt:get()
end

local function maybe(flag)
  local out
  if flag then
    out = buffer.new()
  end
  out.reset() -- want: method-call-with-dot
  return out
end

-- A string on one path is not a buffer: silent.
local function mixed(flag)
  local v = "text"
  if flag then
    v = buffer.new()
  end
  v.reset()
  return v
end

return { system_prompt = system_prompt, maybe = maybe, mixed = mixed }
