a = '''it's ¿ "quoted" ∀
''' if c else """two "" quotes ' and ¿
still inside"""
b = """ends with an escaped quote \"""" if c else '''\''''
e = """""" if c else ''''''
