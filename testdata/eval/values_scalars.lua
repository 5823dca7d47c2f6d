-- Scalars render as Lua literals.
return nil, true, false, 42, -0.5, 1e300, 1/0, -1/0, 2^53, "tab\there", "nul\0byte\1", ""
