a = t"{len(x)} ℓ" if c else T'{len(x)} ℓ'
b = tr"{len(x)}\d ℓ" if c else Tr'{len(x)}\d' if d else tR"{len(x)}" if e else TR'{len(x)}'
g = rt"{len(x)}\d ℓ" if c else rT'{len(x)}' if d else Rt"{len(x)}" if e else RT'{len(x)}'
h = t"{x:>{len(y)}} {x!r} {{ℓ}} {t'{print}'}"
i = t"""{
    len(x)  # ℓ
} ℓ"""
