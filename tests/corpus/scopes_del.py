counter = 0

def outer():
    global counter
    inner_value = 1

    def inner():
        nonlocal inner_value
        inner_value += 1
        return inner_value

    counter += inner()
    data = [1, 2, 3]
    del data[0], inner_value
    return data
