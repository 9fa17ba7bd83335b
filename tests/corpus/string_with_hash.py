x = "#" if c else '#'  # real ¿ comment
y = "a # b ∀" + f"{len('#')} #"  # ∀
