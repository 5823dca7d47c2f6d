local function f()
  goto nope
  local y = 2
end

print(y)
