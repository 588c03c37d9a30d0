x = 1
y = 'oops
z = 2
