if a not in b and c is not None:
    print(n := len(a))
y = a not  in b
z = a is  not b
s = f"{a not in b} {(m := 1)}"
