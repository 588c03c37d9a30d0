x = 1
y = """
line
line
line
line
line
line
line
line
line
line
