-- Tables list the sequence first, then the other keys in order.
local cyc = {name = "self"}
cyc.me = cyc
local nested = {a = {b = {c = {d = {e = 1}}}}}
return {}, {1, 2, 3}, {x = 1, y = "two", [10] = true, ["not id"] = 4, [false] = 0},
  cyc, nested, {1, nil, 3}
