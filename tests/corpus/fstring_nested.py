a = f"{f'{len(x)} ℓ'} ℓ"
b = f'''{f"{f'{len(y)}'}"} ℓ'''
d = f"{x:{f'{len(y)}'}}"
