import re
m = re.match(p, s)
obj.print(len(x))
t = self.type
n = x.len + y.sum - z.max
v = (obj
     .min())
w = obj. abs
u = obj.\
    range
z = "abc".join(map(str, range(3)))
q = f(x).zip + d[0].enumerate + (a).case
