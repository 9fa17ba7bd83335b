with open("a") as a, open("b") as b:
    print(a.read(), b.read())
with (
    open("c") as c,
    open("d") as d,
):
    pass
