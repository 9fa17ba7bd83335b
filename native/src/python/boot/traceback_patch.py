

# The `~~~^~~~` anchors under a binary operator for φ lines (a part of the bootstrap: see
# boot.py). The traceback module finds them by parsing the failing expression's text, which
# on a φ line is φ (`(a ¿ c ⋄ b) / x`) and does not parse: it then drew `^^^^` under all of
# it. The expression is converted to Python, parsed there, and the anchors mapped back.


def _patch_traceback(traceback):
    original = getattr(traceback, "_extract_caret_anchors_from_line_segment", None)
    if original is None or _phi_segment is None:
        return

    def _extract_caret_anchors_from_line_segment(segment):
        found = original(segment)
        if found is not None or segment.isascii():
            return found
        python, offsets = _phi_segment(segment)
        found = original(python)
        if found is None:
            return None
        return found._replace(
            left_end_offset=offsets[found.left_end_offset],
            right_start_offset=offsets[found.right_start_offset],
        )

    traceback._extract_caret_anchors_from_line_segment = _extract_caret_anchors_from_line_segment
