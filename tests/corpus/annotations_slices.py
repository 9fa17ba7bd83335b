x: type = None
def f(a: int = 1, *b: str, c: list[int] | None = None) -> bool:
    return a[1:len(b):2] if b else True
s = xs[::2], xs[:-1], xs[len(xs) // 2:]
lam = lambda x=1: x
