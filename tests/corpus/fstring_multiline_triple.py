report = f"""
Total: {sum(
    x for x in xs  # ∀ in a comment
)}
Longest: {max(xs, key=len)!r:>{len(xs)}}
"""
