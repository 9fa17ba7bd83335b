s = ("a" "¿" f"{len(x)}" 'b'
     f'{print}' r"∀" """
¿""" if c else "")
