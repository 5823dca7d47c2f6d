local f = print
f
(--[[ERROR "ambiguous syntax"]]1)
