a = x and y or not z
b = x in xs and y not in ys
c = x is None or y is not None
d = not (x or y)
e = not not x
