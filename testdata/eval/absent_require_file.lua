-- Modules from files cannot be required.
return require("socket")
