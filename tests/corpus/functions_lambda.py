def apply(f, *args, key=None, **kwargs):
    return f(*args, **kwargs)

square = lambda x: x * x
pick = lambda x, y=2, *rest, z, **kw: (x, y, rest, z, kw)
noop = lambda: None
print(apply(square, 3), noop())
