-- Several errors on different lines are all reported, and the statements
-- between them are still parsed.
local a = = --[[ERROR "unexpected symbol near '='"]] 1
local b = 2
local c = ) --[[ERROR "unexpected symbol near '\)'"]]
print(b)
