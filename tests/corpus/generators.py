def count(n):
    i = 0
    while i < n:
        received = yield i
        i += 1

def chain(*its):
    for it in its:
        yield from it
    yield

squares = (x * x for x in range(5))
