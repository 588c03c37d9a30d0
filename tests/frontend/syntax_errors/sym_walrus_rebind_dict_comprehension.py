x = {(k := 1): v for k, v in r}
