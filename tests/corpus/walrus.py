if (n := len(a)) > 10:
    print(n)
while chunk := read():
    pass
data = [y for x in xs if (y := f(x)) is not None]
print(value := 5)
item = x[y := 1]
