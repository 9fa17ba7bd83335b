a = r"\"¿" if c else r'\'∀'
b = r"\\" if c else r'\\'
d = rb"\"" if c else Rb'\''
e = r"""\"""" if c else r'''\''''
