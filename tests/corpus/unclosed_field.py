x = f"{len(y):>10"
if z: pass
