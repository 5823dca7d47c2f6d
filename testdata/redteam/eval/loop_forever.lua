-- attempt: while true do end
-- expect: limit timeout
-- message: ran longer than
-- flags: --timeout 200ms
while true do end
