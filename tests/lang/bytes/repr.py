for b in [b"", b"'", b'"', b"'\"", b"\t\n\r", b"\x00\x80\xff", bytes(range(30, 40)), bytearray(b"q")]:
    print(repr(b))
