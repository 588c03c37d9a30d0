# os: mkdir/makedirs/listdir/rename/remove/rmdir/stat on a scratch directory.
import os

base = 'spindle_os_test_%d' % os.getpid()
os.mkdir(base)
print(os.listdir(base), os.path.isdir(base), os.path.isfile(base), os.path.exists(base))
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno, e.filename == os.path.join(base, 'a'))
try:
    os.mkdir(base)
except FileExistsError as e:
    print('FileExistsError', e.strerror)
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, 'a')))
os.rename(os.path.join(base, 'a'), os.path.join(base, 'z'))
print(sorted(os.listdir(base)), sorted(os.listdir(base.encode()))[0])
st = os.stat(base)
print(type(st).__name__, len(st), st.st_mode == st[0], st.st_mode & 0o170000 == 0o040000)
print(type(st.st_mtime).__name__, type(st[8]).__name__, int(st.st_mtime) == st[8], st.st_size == st[6])
print(st.st_mtime_ns // 10**9 == st[8], type(st.st_ino).__name__, isinstance(st, tuple))
for name in ['c', 'b']:
    pass
os.rmdir(os.path.join(base, 'z', 'b', 'c'))
os.rmdir(os.path.join(base, 'z', 'b'))
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno == 39)
os.rmdir(os.path.join(base, 'z'))
os.rmdir(base)
print(os.path.exists(base))
for call in [lambda: os.rmdir(base), lambda: os.remove(base), lambda: os.unlink(base), lambda: os.listdir(base),
             lambda: os.stat(base), lambda: os.rename(base, base + 'x')]:
    try:
        call()
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror, e.filename == base, str(e).replace(base, 'BASE'))
