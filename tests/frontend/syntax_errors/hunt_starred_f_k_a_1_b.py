f(**k, a=1, b)
