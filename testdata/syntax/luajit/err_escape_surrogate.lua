local a = "\u{D7FF}\u{E000}\u{10FFFF}"
local b = "\u{DFFF}"
