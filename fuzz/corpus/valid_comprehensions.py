x = [i * j for i in range(3) if i for j in range(i)]
y = {k: v for k, v in d.items()}
z = (a for a in b)
