-- Luau's buffer.create is checked before it allocates.
local b = buffer.create(2^31)
