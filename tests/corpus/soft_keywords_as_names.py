import re
match = re.match(r"(\w+)", "word")
case = match.group(1)
type = 3
print(match, case, type)
match match:
    case case:
        pass
