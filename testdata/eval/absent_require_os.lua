-- require("os") gives the same restricted table.
local m = require("os")
return m == os, m.execute, m.remove
