while true do
  break
  print--[[ERROR "expected end of block after 'break'"]](1)
end
