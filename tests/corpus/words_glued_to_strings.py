x = 1 if"a"else 2
y = [c for c in"abc"if c]
