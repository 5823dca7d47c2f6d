do
  goto nope
end
::nope2::
print(1)

