x = True
y = False
z = None
if x is True and y is False and z is None:
    print(x, y, z)
