-- eval: max-output=32
-- A limit stays hit even when the snippet catches the error.
local ok, err = pcall(io.write, string.rep("y", 100))
return ok
