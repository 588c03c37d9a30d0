# copy.deepcopy: the memo dict and keep-alive list.
import copy

a = [1, 2]
memo = {}
b = copy.deepcopy([a, a], memo)
print(b, b[0] is b[1])
print(memo[id(a)] is b[0])
keep = memo[id(memo)]
print(type(keep).__name__, any(k is a for k in keep))

pre = {id(a): "replaced"}
print(copy.deepcopy([a, 3], pre))
print(copy.deepcopy(a, None) == a)
print(copy.deepcopy(x=[1]))
memo2 = {}
copy.deepcopy(5, memo2)
print(memo2)
try:
    copy.deepcopy()
except TypeError as e:
    print(type(e).__name__)
