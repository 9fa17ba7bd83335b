a = f"{len(xs)} items, ℓ stays, {sum(xs) if xs else None}"
b = f"{x!r} {len(x)!s} {x!a} {a != b} {len(x)=} {len(x) = }"
d = f"{ {'k': len(x)}['k'] } {(lambda y: y and True)(1)} {[i for i in range(3)]}"
e = f"{a[1:len(b)]} {d['¿']} {(n := len(x))}"
g = f"{'¿' if c else len(x)}" + f'{"∀" in s}'
