-- os keeps only the clock and the date.
local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
return names, os.execute, os.remove, os.exit, os.getenv
