-- attempt: os.execute
-- expect: runtime
return os.execute("true")
