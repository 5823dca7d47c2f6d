local goto = 1
