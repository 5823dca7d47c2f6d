-- attempt: require of a module from a file
-- expect: runtime
-- message: not available in the sandbox
return require("lfs")
