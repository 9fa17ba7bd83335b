a = not True
b = not not True or False
c = lambda:None
if True:pass
def f():return True
d = len print
