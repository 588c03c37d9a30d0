x = f'{u"ä" b"a"}'
