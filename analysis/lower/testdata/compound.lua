-- Compound assignment evaluates the target's table and key once.
local x = 10
x = x + (5)
x = x - (1)
x = x * (2)
x = x / (4)
x = x % (4)
x = x ^ (2)
print(x) --> 9
local s = "a"
s = s .. ("b" .. "c")
print(s) --> abc
local calls = 0
local t = { n = 1, list = { 10, 20 } }
local function get()
  calls = calls + (1)
  return t
end
do local __lower_obj = get(); __lower_obj.n = __lower_obj.n + (41) end
do local __lower_obj, __lower_key = get().list, 2; __lower_obj[__lower_key] = math.floor(__lower_obj[__lower_key] / (3)) end
print(t.n, t.list[2], calls) --> 42	6	2
local i = 1
do local __lower_obj, __lower_key = t.list, i; __lower_obj[__lower_key] = __lower_obj[__lower_key] - (1) end

print(t.list[1]) --> 9
