assert len(xs) > 0, "empty"
assert abs(-1) == 1
