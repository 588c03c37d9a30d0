x = {(i := 1) for i in r}
