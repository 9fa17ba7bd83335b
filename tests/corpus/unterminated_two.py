print("one ¿)
if x: print('two ∀)
for i in y: pass
