"""What a session shows of a value: its repr and JSON (capped), its MIME bundle from the
`_repr_*_` methods (IPython's convention), and the `display()` builtin that sends one."""

import base64
import json

import _phicode_worker as W

REPR_LIMIT = 1 << 20
JSON_LIMIT = 1 << 20
PLAIN = (int, float, str, bool, list, dict, tuple, type(None))
RICH = (
    ("_repr_html_", "text/html"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_latex_", "text/latex"),
    ("_repr_json_", "application/json"),
)


def safe_repr(value):
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 - a broken __repr__ must not fail the cell
        return f"<{type(value).__qualname__} object (repr failed: {type(e).__name__}: {e})>"
    if len(text) > REPR_LIMIT:
        text = text[:REPR_LIMIT] + f"... [{len(text) - REPR_LIMIT} characters more]"
    return text


def result_value(value):
    """The value as JSON when it is plain data (and not huge), else None."""
    kind = type(value)
    if kind is bool or (kind is int and _INT64[0] <= value < _INT64[1]):
        return value  # the common case, without a round trip through JSON text
    return json_value(value, limit=JSON_LIMIT) if kind in PLAIN else None


def json_value(value, default=None, limit=None):
    """`value` as JSON data, as the host reads it back (integers past 64 bits become
    floats), or None when it is not JSON (lone surrogates included) or its text is
    longer than `limit`."""
    try:
        text = json.dumps(value, allow_nan=False, ensure_ascii=False, default=default)
        if limit is not None and len(text) > limit:
            return None
        text.encode("utf-8")  # the host's JSON is UTF-8: lone surrogates cannot cross
        return _DECODER.decode(text)
    except (TypeError, ValueError, RecursionError, OverflowError):
        return None


_INT64 = (-(1 << 63), 1 << 64)


def _int64(text):
    number = int(text)
    return number if _INT64[0] <= number < _INT64[1] else float(number)


_DECODER = json.JSONDecoder(parse_int=_int64)


def mime_bundle(value, text=None):
    """{MIME type: data} from the value's `_repr_*_` methods (IPython's convention)."""
    bundle = {"text/plain": text if text is not None else safe_repr(value)}
    kind = type(value)
    method = getattr(kind, "_repr_mimebundle_", None)
    if method is not None:
        try:
            got = method(value)
            data = got[0] if isinstance(got, tuple) else got
            if isinstance(data, dict):
                bundle.update({k: v for k, v in data.items() if isinstance(k, str)})
        except Exception:  # noqa: BLE001
            pass
    for name, mime in RICH:
        method = getattr(kind, name, None)
        if method is None or mime in bundle:
            continue
        try:
            data = method(value)
        except Exception:  # noqa: BLE001
            continue
        if isinstance(data, tuple):
            data = data[0]
        if isinstance(data, bytes):
            data = base64.b64encode(data).decode("ascii")
        if data is not None:
            bundle[mime] = data
    return bundle


def has_rich(value):
    kind = type(value)
    return kind not in PLAIN and any(hasattr(kind, n) for n, _ in RICH + (("_repr_mimebundle_", ""),))


def display_function(ctx):
    """The session's `display()` builtin."""

    def display(*values, raw=False, metadata=None, display_id=None, update=False, **_ignored):
        """Shows each value in the session (as Jupyter's `display`)."""
        for value in values:
            bundle = value if raw and isinstance(value, dict) else mime_bundle(value)
            data = json_value(bundle, default=str)
            if not isinstance(data, dict):
                raise ValueError("display() needs a MIME bundle: a dict of MIME type to data")
            fields = {"execution_id": ctx.current_id(), "data": data, "display_id": display_id, "update": bool(update)}
            meta = json_value(metadata, default=str) if metadata else None
            if isinstance(meta, dict):
                fields["metadata"] = meta
            W.send("display", fields)

    return display
