-- attempt: string.format with a 5,000-wide field
-- expect: runtime
-- message: invalid option '%500' to 'format'
return string.format("%5000d", 1)
