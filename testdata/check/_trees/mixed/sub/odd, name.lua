local t = {1, 2,, 3}
return t
