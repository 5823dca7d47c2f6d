-- continue jumps to the end of the innermost loop body.
local out = {}
for i = 1, 6 do
  if i % 2 == 0 then
    goto __continue1
  end
  local sq = i * i
  out[#out + 1] = sq
::__continue1:: end
print(table.concat(out, ",")) --> 1,9,25
local n = 0
while n < 5 do
  n = n + (1)
  if n == 3 then goto __continue2 end
  for j = 1, 3 do
    if j == 2 then goto __continue3 end
    out[#out + 1] = n * 10 + j
  ::__continue3:: end
::__continue2:: end
print(#out) --> 11
local k = 0
repeat
  k = k + (1)
  if k < 3 then goto __continue4 end
  print("k", k) --> k	3
                --> k	4
::__continue4:: until k >= 4
for _, v in ipairs({ 1, 2, 3 }) do
  if v == 2 then goto __continue5 end
  if v == 3 then break end
::__continue5:: end
local function firstOdd(list)
  for _, v in ipairs(list) do
    if v % 2 == 0 then goto __continue6 end
    do return v end
  ::__continue6:: end
end
print(firstOdd({ 2, 4, 5, 7 })) --> 5
