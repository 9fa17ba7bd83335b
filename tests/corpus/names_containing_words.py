printer = _print + print_ + sprint + lengths + iffy + notify + format_if
isinstance(x, type) and inner or order and android
classes, define, elifs, format, returned = 1, 2, 3, 4, 5
