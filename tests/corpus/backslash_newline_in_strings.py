a = 'one \
¿ two' if c else "three \
∀"
b = f'{len(x)} \
ℓ {len(y)}'
d = r'raw \
¿' if c else 1
