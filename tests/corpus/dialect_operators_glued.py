if a not in b and c is not None:print(n:=1)
