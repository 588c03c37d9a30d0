#!/usr/bin/env python3
"""Compare decode_string_literal / split_fstring with CPython on real files.

Usage: strings_compare.py TOKDUMP [FILE|DIR]...   (default: the 3.11 stdlib)

Every STRING token of every file is decoded by spindle-tokdump --strings and
by CPython (eval of the token for plain literals; ast.parse for f-strings,
whose JoinedStr is flattened the same way: merged literals, then each field's
expression (compared as an AST dump), conversion and format spec).
"""
import ast, os, subprocess, sys, tokenize, warnings

def flatten(values):
    out = []
    for v in values:
        if isinstance(v, ast.Constant):
            out.append('L' + v.value.encode('utf-8', 'surrogatepass').hex())
        else:
            conv = '-' if v.conversion == -1 else chr(v.conversion)
            spec = ''
            if v.format_spec is not None:
                spec = '[' + ' '.join(flatten(v.format_spec.values)) + ']'
            out.append('{' + ast.dump(v.value, include_attributes=False) + '|' + conv + '|' + spec + '}')
    return out

def expected(tok):
    warnings.simplefilter('ignore')
    try:
        if 'f' in tok.lower().split(tok[-1])[0]:
            node = ast.parse('(' + tok + ')', mode='eval').body
            return 'F', flatten(node.values)
        v = eval(tok)
        if isinstance(v, bytes):
            return 'B', v.hex()
        return 'U', v.encode('utf-8', 'surrogatepass').hex()
    except SyntaxError as e:
        return 'E', e.msg

def ours_flatten(text):
    """Splits our dump at top-level spaces (format specs nest in [...])."""
    out, depth, cur = [], 0, ''
    for ch in text:
        if ch in '[{(':
            depth += 1
        elif ch in ']})':
            depth -= 1
        if ch == ' ' and depth == 0:
            if cur:
                out.append(cur)
            cur = ''
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out

def main():
    tokdump = sys.argv[1]
    roots = sys.argv[2:] or ['/root/.pyenv/versions/3.11.7/lib/python3.11']
    files = []
    for r in roots:
        if os.path.isfile(r):
            files.append(r); continue
        for d, dirs, fs in os.walk(r):
            dirs[:] = sorted(x for x in dirs if x != 'site-packages')
            files += [os.path.join(d, f) for f in sorted(fs) if f.endswith('.py')]
    ours = {}
    for k in range(0, len(files), 200):
        out = subprocess.run([tokdump, '--strings'] + files[k:k + 200], capture_output=True).stdout
        cur = None
        for line in out.decode('utf-8', 'surrogateescape').split('\n'):
            if line.startswith('FILE '):
                cur = ours.setdefault(line[5:], {})
            elif line.startswith('S '):
                _, l, c, rest = line.split(' ', 3)
                cur[(int(l), int(c))] = rest
    n = bad = 0
    report = []
    for f in files:
        try:
            with tokenize.open(f) as fh:
                toks = [t for t in tokenize.generate_tokens(fh.readline) if t.type == tokenize.STRING]
            with tokenize.open(f) as fh:
                lines = fh.read().split('\n')
        except Exception:
            continue
        mine = ours.get(f, {})
        try:
            with open(f, 'rb') as fh:
                compile(fh.read(), f, 'exec', dont_inherit=True)
        except SyntaxError:
            continue  # we stop at the first error too
        for t in toks:
            col = len(lines[t.start[0] - 1][:t.start[1]].encode('utf-8', 'surrogatepass'))
            m = mine.get((t.start[0], col))
            kind, val = expected(t.string)
            n += 1
            if m is None:
                bad += 1; report.append(f'{f}:{t.start[0]}: missing'); continue
            mk, _, mv = m.partition(' ')
            if kind == 'F' and mk == 'F':
                mparts = ours_flatten(mv)
                # Our field expressions are raw text: parse them as CPython does.
                conv = []
                for p in mparts:
                    conv.append(p)
                ok = len(mparts) == len(val)
                if ok:
                    for a, b in zip(mparts, val):
                        if a.startswith('L'):
                            ok = ok and a == b
                        else:
                            ok = ok and b.startswith('{') and fstring_field_eq(a, b)
                if not ok:
                    bad += 1; report.append(f'{f}:{t.start[0]}: {t.string!r}: {mparts} vs {val}')
            elif (kind, str(val)) != (mk, mv) and not (kind == 'E' and mk == 'E'):
                bad += 1; report.append(f'{f}:{t.start[0]}: {t.string[:60]!r}: ours {m[:80]} vs {kind} {str(val)[:80]}')
    print(f'strings={n} mismatch={bad}')
    for r in report[:20]:
        print(r)
    return 1 if bad else 0

def split_field(s):
    # {<hex expr>|<conv>|[spec]} ; spec may contain nested fields.
    inner = s[1:-1]
    expr_hex, conv, spec = inner.split('|', 2)
    return expr_hex, conv, spec

def fstring_field_eq(a, b):
    ea, ca, sa = split_field(a)
    eb, cb, sb = b[1:-1].split('|', 2)
    expr = bytes.fromhex(ea).decode('utf-8', 'surrogatepass')
    try:
        dumped = ast.dump(ast.parse('(' + expr + ')', mode='eval').body, include_attributes=False)
    except SyntaxError:
        return False
    if dumped != eb or ca != cb:
        return False
    if not sa and not sb:
        return True
    pa = ours_flatten(sa[1:-1]) if sa else []
    pb = ours_flatten(sb[1:-1]) if sb else []
    if len(pa) != len(pb):
        return False
    for x, y in zip(pa, pb):
        if x.startswith('L'):
            if x != y: return False
        elif not fstring_field_eq(x, y):
            return False
    return True

if __name__ == '__main__':
    sys.exit(main())
