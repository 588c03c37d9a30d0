for x in range(10) if x:
    pass
