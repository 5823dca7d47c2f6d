-- attempt: io.open of a file
-- expect: runtime
return io.open("/etc/passwd")
