total = 0
for i in range(10):
    if i == 3:
        continue
    if i == 8:
        break
    total += i
else:
    pass
for i, (a, b) in enumerate(zip("xy", "ab")):
    print(i, a, b)
