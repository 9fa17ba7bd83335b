d = dict(print=1, len=2, type=3)
f(*args, sum=0, **{"print": 1})
def g(print, *, len=None):
    return print, len
