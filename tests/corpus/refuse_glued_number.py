x = 1if y else 2
z = [0x1for x in y]
w = 1 if y else 2
