-- An unclosed function: the parser reports it at the end of the file and
-- still reads the rest.
local function encode(buf, msg)
  buf:put(msg.kind)
  if msg.body then
    buf:put(msg.body)
  end

return encode
-- want(+1): syntax-error "expected 'end' \\(to close 'function' at line 3\\)"
