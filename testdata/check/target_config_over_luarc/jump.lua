local t = {}
goto done
::done::
print(t)
