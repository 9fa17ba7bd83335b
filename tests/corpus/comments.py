# ¿ ∀ π: a full-line comment
x = 1  # don't ¿ "open" a 'string' here
# a comment ending in a backslash \
if x: print(x)  # trailing ℓ
    # indented comment ⋯
#¿∀
