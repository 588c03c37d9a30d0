SUB = "sub"
value = 7
