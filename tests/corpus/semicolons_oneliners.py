if x: print(1); print(2)
for i in range(2): pass; continue
while False: break
class C: pass
try: pass
except: pass
