# The next name is no attribute.
if x:
    pass  # neither is this one.
print(x)
y = (a  # a comment in brackets.
     or b)
