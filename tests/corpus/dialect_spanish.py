from os import path
from . import hermano
from ..paquete import algo
def signo(n):
    if n > 0:
        return True
    elif n < 0:
        return False
    else:
        return None
for x in [1, -1]:
    print(signo(x), "si", 'para', f"{signo(x) if x else 'si'}")  # si en para
sitio = obj.si + si_ + _si + sino1 + obj.para(x).en
