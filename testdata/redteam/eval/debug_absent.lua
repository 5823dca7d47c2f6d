-- attempt: the debug library
-- expect: runtime
return debug.getinfo(1)
