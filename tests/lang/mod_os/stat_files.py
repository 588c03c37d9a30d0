# os.stat / os.path predicates on a regular file; stat_result construction; file removal.
import os

name = 'spindle_os_stat_%d.txt' % os.getpid()
with open(name, 'w') as f:
    f.write('12345')
st = os.stat(name)
print(st.st_size, st[6], os.path.getsize(name), st.st_mode & 0o170000 == 0o100000, st.st_nlink)
print(os.path.isfile(name), os.path.isdir(name), os.path.exists(name), os.path.islink(name), os.path.lexists(name))
print(type(os.path.getmtime(name)).__name__, abs(os.path.getmtime(name) - st.st_mtime) < 1e-6)
print(os.stat(name.encode()).st_size, os.lstat(name).st_size)
st2 = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(st2, st2.st_mtime, st2.st_size, len(st2), tuple(st2)[-2:])
for args in [((1, 2),), ((0,) * 30,), (5,)]:
    try:
        os.stat_result(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    st.st_size = 1
except AttributeError as e:
    print('AttributeError', e)
with open(name, 'ab') as f:
    f.write(b'678')
print(os.stat(name).st_size)
os.rename(name, name + '.moved')
print(os.path.exists(name), os.path.exists(name + '.moved'))
os.unlink(name + '.moved')
try:
    os.remove(name)
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename == name)
try:
    os.remove('.')
except OSError as e:
    print(type(e).__name__, e.errno)
