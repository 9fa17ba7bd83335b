a = 1_000 + 0x_ff + 0o17 + 0b1 + 1e-3 + 2j + 1. + .5
b = 0xff if 0b1 else 1E5
c = [n for n in (0, 1.5e+2J)]
d = 1 .real if 1. else 1.0.hex()
