for i=1,2 do
  if i then break end
end
repeat local z = 1 until z
repeat goto cont; local q = 1; ::cont:: until q
