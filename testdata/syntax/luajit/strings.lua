-- Escapes and long strings.
local s = { "a\tb\n", 'q\'', "\65\066\0067", "\x41\x7a", "\u{48}\u{10FFFF}", "line\
break", "skip \z
           spaces", [[long]], [==[with ]] inside]==], "\a\b\f\v\\\"" }
--[[ block
comment ]] --[==[ another ]==]
return s
