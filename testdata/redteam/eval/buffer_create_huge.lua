-- attempt: buffer.create(2^31)
-- expect: limit memory
return buffer.create(2^31)
