a = "" if c else ''
b = "" "" if c else f"" or rb""
d = """""" and ''''''
e = ''''''"" or """"""''
