local function f()
  goto nope
  x = = 1
end
