if f"{len(x)}":pass
if rb"\d":pass
if"a"and u'b'and Rf'{print}\n':pass
