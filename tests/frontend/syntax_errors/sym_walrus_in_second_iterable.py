x = [i for j in a for i in (y := b)]
