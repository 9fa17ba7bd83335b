x = 'abc ¿
if y: pass
s = "¿" if c else '∀'
