if x in xs and not y:pass
f = lambda x: x
def foo(a,b):return a is not b
for i in range(3):print(i)
if a not in b or c is None:raise ValueError
z = [i for i in range(10)if i%2==0]
