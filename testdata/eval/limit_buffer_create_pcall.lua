-- A caught memory-limit error still ends the evaluation as a limit.
local ok, err = pcall(buffer.create, 2^31)
print("caught:", ok)
return err
