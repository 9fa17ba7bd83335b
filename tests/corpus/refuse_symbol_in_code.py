if x ∈ y: pass
s = "∈ in a string is fine"  # and ∈ in a comment
