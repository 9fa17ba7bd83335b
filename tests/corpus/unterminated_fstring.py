x = f'{len(a)} ¿
if y: pass
