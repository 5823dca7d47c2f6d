local checked = = 1
