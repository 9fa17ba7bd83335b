if True:
	pass
if True: print(1)
