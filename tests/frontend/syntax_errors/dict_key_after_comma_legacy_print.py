d = {1: 2, print 4}
