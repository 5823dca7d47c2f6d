-- print and io.write are captured in order.
print("a", 1, nil, true)
io.write("no newline ", 2, "\n")
print(setmetatable({}, {__tostring = function() return "custom" end}))
io.write("end")
