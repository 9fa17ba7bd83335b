if x:
    print("a ¿")  # ∀
    s = """two
lines ¿"""
else:
    pass
