local a = 3x
