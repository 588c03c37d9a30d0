words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "ab"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words), min(words))
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "é" > "z", "a" * 0 == "")
print(ord("A"), chr(97), chr(0x1F600), ord("€"), [ord(c) for c in "hi"])
