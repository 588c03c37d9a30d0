NAME = "pkg_a"
def helper(x):
    return x * 100
