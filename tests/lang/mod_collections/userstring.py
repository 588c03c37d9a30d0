# collections.UserString: the str wrapper.
from collections import UserString
import collections.abc as cabc

s = UserString('Hello World')
print(s, repr(s), len(s), s[0], s[-5:], type(s[1:]).__name__, issubclass(UserString, cabc.Sequence))
print(UserString(12), UserString(UserString('x')), UserString(['a']))
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold(), type(s.upper()).__name__)
print(s.center(15, '*'), s.ljust(13, '.'), s.rjust(13), s.zfill(14), s.expandtabs())
print(s.count('o'), s.count(UserString('l')), s.find('o'), s.rfind('o'), s.find(UserString('W')), s.index('W'),
      s.rindex('l'))
print(s.startswith('He'), s.endswith(('x', 'ld')), s.startswith('W', 6), s.isalpha(), s.isascii(), s.istitle())
print(s.split(), s.rsplit('o', 1), s.partition(' '), s.rpartition('o'), UserString('a\nb').splitlines(True))
print(s.replace('l', 'L'), s.replace(UserString('World'), UserString('There'), 1), s.strip('Hd'), s.lstrip('H'),
      s.rstrip('d'))
print(s.removeprefix('Hello '), s.removesuffix(UserString(' World')), s.encode(), s.encode(None, None))
print(s + '!', '>' + s, s + UserString('?'), s + 5, 5 + UserString('x') if False else 'skip', s * 2, 2 * UserString('ab'))
print(UserString('%s-%d') % ('a', 3), '%s!' % UserString('q'), type(UserString('%s') % 1).__name__)
print(UserString('{0}+{x}').format(1, x=2), UserString('{a}').format_map({'a': 'A'}), UserString(',').join('abc'))
print(s == 'Hello World', s == UserString('Hello World'), s < 'Z', s > UserString('A'), s <= s, s >= 'Hello')
print(hash(s) == hash('Hello World'), 'World' in s, UserString('ll') in s, int(UserString('42')),
      float(UserString('1.5')), complex(UserString('1+2j')))
print({s: 1}[UserString('Hello World')], s.__getnewargs__(), str(s) == 'Hello World', type(str(s)).__name__)
print(s.translate({ord('o'): '0'}), UserString.maketrans('a', 'b'), s.isdigit(), UserString('12').isdecimal(),
      UserString('x1').isidentifier(), UserString(' ').isspace(), UserString('ab').islower(), UserString('AB').isupper(),
      UserString('½').isnumeric(), UserString('a\t').isprintable(), UserString('a1').isalnum())
for bad in [lambda: s.index('zz'), lambda: s.rindex('zz'), lambda: int(s), lambda: 5 + s]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Shout(UserString):
    def __str__(self):
        return self.data.upper()


sh = Shout('hey')
print(sh, repr(sh), type(sh + 'x').__name__, type(sh[0]).__name__, list(sh), list(reversed(sh)))
print(sorted(UserString('cab')), UserString('abc').__contains__('b'))
