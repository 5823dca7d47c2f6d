while true do
  goto cont
  local a = 1
  ::cont::
end
