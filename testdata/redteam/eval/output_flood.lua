-- attempt: printing without end
-- expect: limit output
-- message: output exceeded
-- flags: --max-output 64k
while true do print(("x"):rep(100)) end
