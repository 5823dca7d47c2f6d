-- attempt: a refused string.rep is a Lua error that pcall catches; the script goes on
-- expect: ok
-- stdout: false	.*not enough memory.*\n1024\n
-- flags: --max-memory 64M
print(pcall(string.rep, "x", 2^31 - 300))
print(#string.rep("x", 1024))
