do
  goto e
  local x = 1
  ::e::
end
repeat
  goto r
  local q = 1
  ::r::
until q
