-- The debug library is absent, also through require.
return debug, require("debug")
