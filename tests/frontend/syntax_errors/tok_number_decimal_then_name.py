x = 123abc_def
