a = f"{(n := len(x))} {x:=^10} {y:=10}"
b = f"{[y for v in xs if (y := v * 2)]}"
