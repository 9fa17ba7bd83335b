if x: print(1)
s = """abc
¿ x ∈ y: ⋯
