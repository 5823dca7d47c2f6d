-- eval: max-output=64
-- An output flood is cut at the cap and stops the run.
while true do
  print("flood flood flood")
end
