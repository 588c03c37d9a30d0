# quit(code) at top level ends the program with that status.
print('before')
try:
    exit(0)
except SystemExit as e:
    print('caught', e.code)
quit(4)
print('not reached')
