# string: the character-class constants.
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    v = getattr(string, name)
    print(name, len(v), repr(v))
print(string.printable == string.digits + string.ascii_letters + string.punctuation + string.whitespace)
print(all(c.isspace() for c in string.whitespace))
print(sorted(set(string.hexdigits) - set(string.digits)))
