x = """abc


