local a = 1
(a) =--[[ERROR "syntax error near '='"]] 2
