-- attempt: string.format with a 99-digit precision
-- expect: ok
return #string.format("%.99f", 1)
