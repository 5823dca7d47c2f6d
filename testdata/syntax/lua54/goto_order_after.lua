local function f()
  goto nope
end
x = = 1
