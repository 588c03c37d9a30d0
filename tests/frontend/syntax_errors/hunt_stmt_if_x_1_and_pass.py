if x == 1 and: pass
