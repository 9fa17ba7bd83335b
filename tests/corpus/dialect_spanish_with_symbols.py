if x in y and not z: print(x)
if not x and y: print(x)
v = 1 if c else 2
w = [i for i in range(3)if i]
