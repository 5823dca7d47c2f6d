-- attempt: every library function (base, string, table, math, os, coroutine, bit, buffer, io, string.buffer and its methods; not the ones that touch files or end the process) called 1,149 ways with extreme arguments (nil, 2^31, 2^40, 2^53, NaN, inf, "", "%", "(", tables, functions, threads)
-- expect: ok
-- stdout: ^functions	[0-9]+	calls	[0-9]+	errors	[0-9]+\n$
-- flags: --max-memory 512M --timeout 60s
local skip = { _printregs=1, exit=1, execute=1, remove=1, rename=1, tmpname=1, output=1, input=1, popen=1, open=1, close=1, write=1, print=1, setlocale=1, lines=1, sethook=1, debug=1, dofile=1, loadfile=1, require=1, module=1, collectgarbage=1, yield=1 }
local A = { nil, true, 0, -1, 1, 2^31, -2^31, 2^40, -2^40, 2^53, 0/0, 1/0, -1/0, "", "%", "(", "x", ("x"):rep(100), {}, function() end, coroutine.create(function() end) }
local NA = 21
local S = { 0, -1, 1, 2^31, 2^40, 0/0, "x" }
local libs = { _G = _G, string = string, table = table, math = math, os = os, coroutine = coroutine, bit = bit, buffer = buffer, io = io }
local sb = require("string.buffer")
libs.sbuf = sb
local fns = {}
for lname, lib in pairs(libs) do
  for k, v in pairs(lib) do
    if type(v) == "function" and not skip[k] then fns[#fns + 1] = { lname .. "." .. k, v } end
  end
end
-- buffer methods on a fresh buffer

local bmt = {} for k, v in pairs({"put","putf","set","skip","get","tostring","reset","free","reserve","commit","ref","encode","decode","slice","clone","insert","remove","replace","fill","find","rfind","split","setlen","capacity"}) do bmt[v] = sb.new()[v] end
for k, v in pairs(bmt) do if type(v) == "function" and k ~= "__gc" then fns[#fns + 1] = { "sbuf:" .. k, function(...) return v(sb.new(), ...) end } end end
table.sort(fns, function(a, b) return a[1] < b[1] end)
calls, errs = 0, 0
local only = nil
for _, f in ipairs(fns) do
  if not only or f[1]:find(only, 1, true) then
    FN = f[2]
    local function try(...) calls = calls + 1; if not pcall(FN, ...) then errs = errs + 1 end end
    try()
    for i = 1, NA do try(A[i]) end
    for i = 1, NA do for j = 1, NA do try(A[i], A[j]) end end
    for i = 1, #S do for j = 1, #S do for k = 1, #S do try(A[3], S[i], S[j], S[k]) try("xyz", S[i], S[j], S[k]) end end end

  end
end
print("functions", #fns, "calls", calls, "errors", errs)
