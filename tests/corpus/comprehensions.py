a = [x for x in xs if x not in ys]
b = {k: v for k, v in d.items() if v is not None}
c = {x for row in grid for x in row}
e = sum(x for x in range(10) if x % 2 if x > 3)
g = [(lambda: i)() for i in range(3)]
