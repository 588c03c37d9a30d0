for s in ["straße", "ǅungla", "ΣΑΣ", "İstanbul", "ﬁ", "Ǆ"]:
    print(s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), len(s.upper()))
