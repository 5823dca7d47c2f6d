-- A label followed only by empty statements ends its block.
do
  goto e
  local x = 1
  ::e:: ;
end
