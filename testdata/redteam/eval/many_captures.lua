-- attempt: a pattern with 40 captures
-- expect: ok|runtime
return string.find(("a"):rep(100), ("(a)"):rep(40))
