a = b"if x in y" if c else B'print'
b = rb'\d+ for' or br"\w\"" or b"\x00\\"
d = re.compile(rb"(?P<len>\d+)").match(data) if data else None
