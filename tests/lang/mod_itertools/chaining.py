# chain, chain.from_iterable, accumulate, pairwise and zip_longest.
import itertools as it

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.chain("ab", [1, 2], (), range(2))))
print(list(it.chain()), list(it.chain.from_iterable(["ab", "", "c"])))
print(list(it.chain.from_iterable(it.repeat("xy", 3))))
ch = it.chain([1], 5, [2])
print(next(ch))
show(lambda: next(ch))
show(lambda: next(ch))
show(lambda: it.chain(x=1))
show(lambda: it.chain.from_iterable())
class MyChain(it.chain):
    pass
print(type(MyChain.from_iterable(["a"])).__name__, list(MyChain("ab", "c")))

print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([], initial=7)), list(it.accumulate([])))
print(list(it.accumulate([2, 5, 1, 7], max)), list(it.accumulate("abc")))
print(list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=None)))
print(list(it.accumulate([1, 2, 3], func=None)))
show(lambda: list(it.accumulate([1, "a"])))
show(lambda: it.accumulate())
show(lambda: it.accumulate([1], x=1))
show(lambda: it.accumulate([1], None, 1))

print(list(it.pairwise("abcde")), list(it.pairwise("a")), list(it.pairwise([])))
show(lambda: it.pairwise())
show(lambda: it.pairwise(1))

print(list(it.zip_longest("abc", [1])))
print(list(it.zip_longest("ab", "wxyz", fillvalue=0)), list(it.zip_longest()))
print(list(it.zip_longest([], [])), list(it.zip_longest("a", fillvalue=None)))
show(lambda: it.zip_longest([1], x=1))
show(lambda: it.zip_longest([1], fillvalue=1, x=2))
show(lambda: it.zip_longest(1))
