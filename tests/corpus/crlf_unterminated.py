x = 'abc ¿
if y: pass
