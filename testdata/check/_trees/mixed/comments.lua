local s = "😀é" ---@diagnostic disable-line: nope-rule
return s
