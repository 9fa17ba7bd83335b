p = r'\'
if x: pass
q = rb"\"
for i in x: pass
