"""Module docstring: if x in y, print(len(z)) for each, return None."""

def f(a):
    """Return True if a is not None; else raise, with lambda and yield."""
    # if for while print len: comment words stay
    return "if" + 'for' + """while""" + r"import" + b"class".decode()  # return

d = {"if": 1, 'print': 2, "len": len("range")}
print(d["if"], d.get('print'), "not in", 'is not', ":=")
