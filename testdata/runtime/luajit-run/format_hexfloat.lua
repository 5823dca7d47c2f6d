for _, f in ipairs{"%a", "%A", "%.0a", "%#.0a", "%#a", "%.1a", "%.3a", "%.13a", "%.15a", "%10.2a|", "%-12a|", "%012a|", "%+a", "% .2A"} do
  local t = {}
  for _, x in ipairs{0, -0.0, 1, 1.5, 0.1, -2.75, 1e300, 2^-1074, 2^-1030, 1/3, 255.96875, 1.96875, 1.03125, 1.09375} do t[#t+1] = string.format(f, x) end
  print(f, table.concat(t, " "))
end
