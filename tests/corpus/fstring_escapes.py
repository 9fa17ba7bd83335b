a = f"\N{BULLET} {len(x)} \N{GREEK SMALL LETTER PI}"
b = rf"\N{len}" + Rf'\d{len(x)}\{print}'
d = f"\\{len(x)}\\" + f"\"{len(x)}\"" + f'\'{len(x)}\''
e = f"\x7b{len(x)}" + f"\{len(x)}"
