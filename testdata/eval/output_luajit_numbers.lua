-- Numbers print as LuaJIT prints them.
print(1/0, -1/0, 0/0 ~= 0/0, 2^53, 0.1, -0.0, 1e15, 1e16)
io.write(3, " ", 2.5, "\n")
print(string.format("%5.2f|%d|%x|%q", 3.14159, 42, 255, "a\nb"))
