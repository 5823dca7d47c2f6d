local f <const> = nil
function f() end
print(1)
