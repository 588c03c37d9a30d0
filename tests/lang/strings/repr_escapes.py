for s in ["plain", "it's", 'say "hi"', 'both \' and "', "tab\there", "new\nline", "\x00\x7f", "é ü ñ", "\u200b", "😀", "\\", "\r"]:
    print(repr(s), len(s))
print(ascii("héllo 😀"), str(b"ab"), repr("a\tb"))
