-- A Luau buffer snippet with types: the kind of code eval runs.
local function writeHeader(b , len ) 
  local offset = 0
  buffer.writeu8(b, offset, 0x7f)
  offset = offset + (1)
  buffer.writeu32(b, offset, len)
  offset = offset + (4)
  return offset
end
print(type(writeHeader)) --> function
