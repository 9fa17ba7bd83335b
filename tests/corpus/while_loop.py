n = 10
while n > 0 and not n == 5:
    n -= 1
else:
    print("done")
while True:
    break
