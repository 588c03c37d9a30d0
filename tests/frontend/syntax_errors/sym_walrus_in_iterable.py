x = [i for i in (y := range(3))]
