local function f()
  break
  local y = 2
end

print(y)
