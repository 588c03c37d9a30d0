import sys
print("runmod as", __name__, sys.argv[1:])
