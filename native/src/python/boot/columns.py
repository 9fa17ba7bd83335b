

# φ columns in SyntaxErrors and column tables (external interpreters) (a part of the bootstrap: see boot.py)


def _segments(column_map):
    """The host's column map: {line: [(φ col, φ len, Python col, Python len), ...]}."""
    segments = {}
    for row in column_map.splitlines():
        numbers = [int(n) for n in row.split()]
        segments[numbers[0]] = [numbers[i : i + 4] for i in range(1, len(numbers), 4)]
    return segments


def _phi_column(segments, line, col):
    """A 1-based Python character column of `line` as a φ column (the core's map, in Python)."""
    if not col or col <= 0 or line not in segments:
        return col
    mapped = col
    for phi_col, phi_len, py_col, py_len in segments[line]:
        if col < py_col:
            break
        if col < py_col + py_len:
            return phi_col
        mapped = col - (py_col + py_len) + phi_col + phi_len
    return mapped


def _column_mapper(segments, python_lines, phi_lines):
    """(line, Python UTF-8 byte column) -> φ UTF-8 byte column, as code objects count them."""

    def column(line, byte_col):
        if line not in segments or not 0 < line <= min(len(python_lines), len(phi_lines)):
            return byte_col
        py_line = python_lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "ignore")
        phi_col = _phi_column(segments, line, len(py_line) + 1)
        return len(phi_lines[line - 1][: phi_col - 1].encode("utf-8"))

    return column


def _remap_columns(code, column):
    """`code` with its location table's columns moved through `column` (CPython 3.11+
    format, Objects/locations.md; what the host does in Rust for the embedded CPython)."""
    table, out, at, line = code.co_linetable, bytearray(), 0, code.co_firstlineno

    def varint():
        nonlocal at
        value = shift = 0
        while True:
            b = table[at]
            at += 1
            value |= (b & 63) << shift
            shift += 6
            if not b & 64:
                return value

    def svarint():
        raw = varint()
        return -(raw >> 1) if raw & 1 else raw >> 1

    def put(value):
        while value >= 64:
            out.append(64 | (value & 63))
            value >>= 6
        out.append(value)

    while at < len(table):
        first = table[at]
        at += 1
        kind = (first >> 3) & 15
        if kind == 15:
            out.append(first)
            continue
        if kind == 13:
            delta = svarint()
            line += delta
            out.append(first)
            put((-delta << 1) | 1 if delta < 0 else delta << 1)
            continue
        if kind == 14:
            delta, end_delta, col, end = svarint(), varint(), varint() - 1, varint() - 1
        elif kind >= 10:
            delta, end_delta, col, end = kind - 10, 0, table[at], table[at + 1]
            at += 2
        else:
            second = table[at]
            at += 1
            delta, end_delta = 0, 0
            col = kind * 8 + ((second >> 4) & 7)
            end = col + (second & 15)
        line += delta
        col = column(line, col) if col >= 0 else col
        end = column(line + end_delta, end) if end >= 0 else end
        out.append(0x80 | (14 << 3) | (first & 7))
        put((-delta << 1) | 1 if delta < 0 else delta << 1)
        put(end_delta)
        put(col + 1)
        put(end + 1)
    consts = tuple(_remap_columns(c, column) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(out), co_consts=consts)


def _move_to_phi(exc, path, column_map):
    """The host's SyntaxError remapping, in Python: φ file, φ line, φ columns."""
    segments = _segments(column_map)

    def column(line, col):
        return _phi_column(segments, line, col)

    exc.filename = path
    if exc.lineno:
        exc.offset = column(exc.lineno, exc.offset)
        end_line = getattr(exc, "end_lineno", None)
        if end_line:
            exc.end_offset = column(end_line, exc.end_offset)
        try:
            with open(path, encoding="utf-8") as f:
                exc.text = f.read().splitlines()[exc.lineno - 1] + "\n"
        except (OSError, IndexError, UnicodeDecodeError):
            pass
    details = (exc.filename, exc.lineno, exc.offset, exc.text)
    if hasattr(exc, "end_lineno"):
        details += (exc.end_lineno, exc.end_offset)
    exc.args = (exc.msg, details)
