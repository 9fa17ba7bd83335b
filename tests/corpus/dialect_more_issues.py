x = tuple(range(3))
y = set()
