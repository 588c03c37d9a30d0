for i in range(3):
    if i: continue
    else: break
else:
    pass
while x:
    x -= 1
