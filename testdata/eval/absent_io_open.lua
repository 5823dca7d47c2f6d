-- io has only write; io.open, io.popen, io.read are absent.
return io.open, io.popen, io.read, io.lines, type(io.write)
