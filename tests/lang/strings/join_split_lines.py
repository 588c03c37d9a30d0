text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines(), text.splitlines(True), len(text.splitlines()))
print("a\tb\tc".expandtabs(4), "x".join("123"), ", ".join(sorted(["pear", "apple", "fig"])))
print("www.example.com".removeprefix("www."), "file.txt".removesuffix(".txt"), "abc".removeprefix("z"))
tbl = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(tbl), "hello".translate({ord("l"): None, ord("h"): "J"}))
