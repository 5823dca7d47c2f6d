local = broken
