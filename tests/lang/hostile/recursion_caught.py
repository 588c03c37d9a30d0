import sys
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
def g(n): return g(n + 1) + 1
try:
    g(0)
except RecursionError:
    print("again")
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
depth = 0
def h():
    global depth
    depth += 1
    h()
try:
    h()
except RecursionError:
    print(150 < depth <= 200)
