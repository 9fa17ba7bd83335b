if a and \
   b:
    x = 1 + \
        len(y)
for i \
in xs: pass
