for s in ["abc", "ABC", "Abc", "123", "1.5", "", " \t", "abc123", "Hello World", "é", "٣", "_id", "2x", "x2"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(), s.islower(),
          s.isupper(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
