-- attempt: buffer.create of 512 MiB under a 64 MiB limit
-- expect: error
-- message: not enough memory \(buffer.create asked for 536870912 bytes
-- flags: --max-memory 64M
print(buffer.len(buffer.create(2^29)))
