π = 3.14
print(π, tenπ, obj.π)
