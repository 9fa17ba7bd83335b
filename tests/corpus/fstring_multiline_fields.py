a = f"{", ".join([
    len(x),  # ℓ here is a comment
    sum(y),
])} ℓ"
b = f"{x
} ¿ ℓ"
d = f"{len(x)  # ¿ a comment inside a field
} ∀"
