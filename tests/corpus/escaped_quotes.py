a = "a \" ¿" if c else 'it\'s ∀'
b = '\\' if c else "\\"
d = "\\\" π" if c else '\\\\'
e = "\x22 ¿" + '\u0027 ∀' + "\N{QUOTATION MARK} π" + '\042'
