local x = 1 //--[[ERROR "unexpected symbol near '//'"]] 2
