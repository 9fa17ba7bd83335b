λ = 1
ℓen = 2
x = 2if λ else 3
