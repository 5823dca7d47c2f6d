-- Frontier patterns (%f), which gopher-lua's matcher lacks: find, match,
-- gmatch and gsub with every kind of replacement, and their errors.
print(("THE (quick) fox"):find("%f[%a]%a+"))
print(("hello world"):gsub("%f[%w]%w+", "X"))
print(("hello world"):gsub("%f[%w]%w+", "<%0>"))
print(("THE (quick) fox"):gsub("%f[%a](%a)(%a*)", function(a, b) return a:lower() .. b:upper() end))
for w in ("one two  three"):gmatch("%f[%S]%S+") do io.write(w, "|") end print()
print(("key=val"):match("^(%w+)%f[=]=(%w+)$"))
print(("  x"):find("%f[%S]", 1), ("  x"):find("%f[%S]", -1), ("abc"):find("%f[%a]", 2))
print(("THE END"):gsub("%f[%u]%u+%f[%U]", {THE = "the", END = 1}))
print(pcall(string.gsub, "abc", "%f", "x"))
print(pcall(string.find, "abc", "%f[a"))
print(("aaa"):gsub("%f[a]", "-", 1))
print(("x y"):gsub("()%f[%w]", "%1"))
