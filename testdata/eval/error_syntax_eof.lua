-- An unfinished chunk reports the last line.
if true then
  print("never")
