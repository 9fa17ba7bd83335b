café = len(naïve)
Δx = max(données, key=len)
변수 = [é for é in 値]
if Σ in ℕ and not ω: print(Σ)
