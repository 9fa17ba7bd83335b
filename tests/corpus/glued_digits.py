x = 1 if c else 2
y = 0x1f if c else 0b1
z = 1.5 or 2e5 and 3j
w = [1 for _ in range(2)]
v = 1_000 if True else 0o17
