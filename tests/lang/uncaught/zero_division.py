def compute(x):
    return 10 / x
print("before")
compute(0)
print("never")
