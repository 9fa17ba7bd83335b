data = [3, -1, 2]
print(len(data), sum(data), max(data), min(data), abs(data[1]))
print(type(data), range(1, 10, 2), list(enumerate(data, start=1)), list(zip(data, data)))
print(max(data, key=abs), min(data, default=None), sum(x for x in data))
