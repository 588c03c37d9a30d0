x = [(yield) for _ in y]
