-- Interpolated strings call tostring on each expression.
local name, n = "buf", 3
print((tostring(name) .. " has " .. tostring(n) .. " bytes")) --> buf has 3 bytes
print("plain") --> plain
print((tostring(n) .. tostring(n))) --> 33
print(("quote \" and " .. tostring(n + 1))) --> quote " and 4
print(("nested " .. tostring(("inner " .. tostring(name))))) --> nested inner buf
local t = setmetatable({}, { __tostring = function() return "T" end })
print(("t=" .. tostring(t))) --> t=T
print("tab\tend") --> tab	end
