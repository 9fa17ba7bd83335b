a = f"{f"{len(x)} ℓ"} ℓ"
b = f"{"¿" if c else len(x)}" + f'{'∀' in s}'
d = f"{"\n".join(x for x in xs)}"
e = f"{x:{"¿" if c else "∀"}>{len(y)}}"
g = f"{f"{f"{f"{print}"}"}"}"
