local x <foo>--[[ERROR "unknown attribute 'foo'"]] = 1
