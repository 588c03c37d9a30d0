e = TypeError("bad type")
e.add_note("while processing item 3")
raise e
