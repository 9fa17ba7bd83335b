a = f"{x:>{len(y)}} {x:{w}.{p}f} {x!r:^{len(y) + 2}}"
b = f"{x:{'>' if c else '<'}{len(y)}}"
d = f"{x:¿>10} {x:∀^{w}} {now:%H:%M:%S ¿}"
e = f"{x:=^10} {x!r:=>8}"
