if x:
    print(x)
for i in range(3): pass
if y: min(abs(y))
