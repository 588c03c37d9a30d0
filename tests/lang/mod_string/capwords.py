# string: capwords splits, capitalizes and joins.
import string

print(string.capwords("hello world"))
print(repr(string.capwords("  hello   WORLD  again ")))
print(string.capwords("aBC dEF-gHi"))
print(string.capwords("a-b-c", "-"))
print(repr(string.capwords("")))
print(string.capwords("x,y,,z", ","))
print(string.capwords(s="one two", sep=None))
print(string.capwords("ünïcode wörds"))
try:
    string.capwords("a b", "")
except ValueError as e:
    print(type(e).__name__, e)
try:
    string.capwords(5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    string.capwords()
except TypeError as e:
    print(type(e).__name__)
