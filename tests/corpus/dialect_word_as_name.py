si = 1
print(si, obj.si, "si")
