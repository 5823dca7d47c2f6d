-- attempt: tables filled inside pcall in a loop: the memory stop cannot be caught
-- expect: error
-- message: not enough memory: the script grew past the memory limit of 64 MiB
-- flags: --max-memory 64M --timeout 10s
while true do
  pcall(function()
    local t = {}
    for i = 1, 1e8 do t[i] = {i} end
  end)
end
