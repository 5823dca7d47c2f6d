local a = 1;
;--[[ERROR "unexpected symbol near ';'"]]
