café = len(naïve)and Δx
r = café in données
s = a print b
t = obj.print
u = f(len)or type(x)
