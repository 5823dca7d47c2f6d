local x = 3x--[[ERROR "malformed number near '3x'"]]
