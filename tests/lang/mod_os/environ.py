# os.environ: a mapping whose assignments and deletions reach the process environment.
import os
e = os.environ
print(type(e).__name__, repr(e)[:9], 'PATH' in e, len(e) > 0, e.get('NOPE_Z'), e.get('NOPE_Z', 'd'))
e['SPINDLE_T'] = 'v1'
print(e['SPINDLE_T'], os.getenv('SPINDLE_T'), 'SPINDLE_T' in e, 'SPINDLE_T' in list(e), 'SPINDLE_T' in e.keys())
print(e.pop('SPINDLE_T'), e.pop('SPINDLE_T', 'gone'), os.getenv('SPINDLE_T'))
e.setdefault('SPINDLE_U', 'u'); print(e['SPINDLE_U']); e.update({'SPINDLE_U': 'u2'}, SPINDLE_W='w'); print(e['SPINDLE_U'], e['SPINDLE_W'])
del e['SPINDLE_U']; del e['SPINDLE_W']
print(type(e.copy()).__name__, dict(e) == e.copy(), sorted(e)[:0])
def t(f):
  try: print(f())
  except Exception as x: print(type(x).__name__, x)
t(lambda: e['NOPE_Z'])
t(lambda: e.__setitem__('A', 1))
t(lambda: e.__setitem__(1, 'a'))
t(lambda: e.__delitem__('NOPE_Z'))
t(lambda: e[1])
t(lambda: e.pop('NOPE_Z'))
t(lambda: e.__setitem__('', 'a'))
t(lambda: e.__setitem__('a=b', 'a'))
print([k for k, v in e.items() if k == 'PATH'], all(isinstance(v, str) for v in e.values()))
