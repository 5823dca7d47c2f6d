local c <close> = nil
do local c = 1; c = 2 end
c = 3
