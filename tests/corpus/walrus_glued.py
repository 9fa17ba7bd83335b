if(n:=len(a))>10:print(n)
while(c:=f()):pass
x = [y:=1, y**2]
