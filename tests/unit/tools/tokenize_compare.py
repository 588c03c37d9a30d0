#!/usr/bin/env python3
"""Compare spindle-tokdump's token streams with CPython's tokenize module.

Usage: tokenize_compare.py TOKDUMP [FILE|DIR]...   (default: the 3.11 stdlib)

For each file, every token that CPython's C tokenizer also produces (not
COMMENT, NL, ENCODING) must agree in type, text and positions, with these
documented differences: columns are UTF-8 bytes (tokenize counts
characters, converted here); NEWLINE carries the C tokenizer's positions (it
starts at a preceding comment and ends before the '\\n'; we check its end
against tokenize's start); non-ASCII NAMEs are NFKC-normalized. Files that
tokenize rejects or compile() rejects must be rejected by us too.
Prints a summary and the first mismatches; exits 1 if any.
"""
import io, os, subprocess, sys, token, tokenize, unicodedata

def py_tokens(path):
    with open(path, 'rb') as f:
        data = f.read()
    out = []
    try:
        with tokenize.open(path) as f:
            lines = f.read().split('\n')
        def bcol(row, col):  # tokenize counts characters; we count UTF-8 bytes
            if row - 1 >= len(lines):
                return col
            return len(lines[row - 1][:col].encode('utf-8', 'surrogatepass'))
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            if t.type in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING):
                continue
            if t.type == tokenize.ERRORTOKEN:
                return None
            name = token.tok_name[t.exact_type]
            out.append((name, (t.start[0], bcol(*t.start)), (t.end[0], bcol(*t.end)), t.string))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return None
    return out

def compiles(path):
    try:
        with open(path, 'rb') as f:
            compile(f.read(), path, 'exec', dont_inherit=True)
        return True
    except SyntaxError:
        return False
    except Exception:
        return True

def unescape(s):
    assert s[0] == '"' and s[-1] == '"'
    s = s[1:-1]
    out = bytearray()
    b = s.encode('utf-8', 'surrogatepass')
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x5c:
            n = b[i + 1]
            if n == ord('n'):
                out.append(10); i += 2
            elif n == ord('x'):
                out.append(int(b[i + 2:i + 4], 16)); i += 4
            else:
                out.append(n); i += 2
        else:
            out.append(c); i += 1
    return out.decode('utf-8', 'surrogatepass')

def run_dump(tokdump, files):
    res = {}
    for k in range(0, len(files), 200):
        chunk = files[k:k + 200]
        p = subprocess.run([tokdump] + chunk, capture_output=True)
        cur = None
        for line in p.stdout.decode('utf-8', 'surrogateescape').split('\n'):
            if line.startswith('FILE '):
                cur = line[5:]
                res[cur] = []
            elif line.startswith('ERROR '):
                res[cur].append(('ERROR', line))
            elif line:
                parts = line.split(' ', 5)
                res[cur].append((parts[0], (int(parts[1]), int(parts[2])),
                                 (int(parts[3]), int(parts[4])), unescape(parts[5])))
    return res

def main():
    tokdump = sys.argv[1]
    roots = sys.argv[2:] or ['/root/.pyenv/versions/3.11.7/lib/python3.11']
    files = []
    for r in roots:
        if os.path.isfile(r):
            files.append(r)
            continue
        for d, dirs, fs in os.walk(r):
            dirs[:] = sorted(x for x in dirs if x != 'site-packages')
            files += [os.path.join(d, f) for f in sorted(fs) if f.endswith('.py')]
    ours = run_dump(tokdump, files)
    ok = bad = ntok = 0
    both_reject = 0
    report = []
    for f in files:
        mine = ours.get(f)
        theirs = py_tokens(f)
        if mine is None:
            bad += 1; report.append(f'{f}: no output (crash?)'); continue
        mine_err = mine and mine[-1][0] == 'ERROR'
        if theirs is None or mine_err:
            if mine_err and not compiles(f):
                both_reject += 1; continue
            if theirs is None and not mine_err and compiles(f):
                ok += 1; continue  # tokenize is stricter/different (e.g. encodings)
            bad += 1
            report.append(f'{f}: tokenize ok={theirs is not None} compile ok={compiles(f)} ours={mine[-1]}')
            continue
        problem = None
        if len(mine) != len(theirs):
            problem = f'{len(mine)} tokens vs {len(theirs)}'
        for a, b in zip(mine, theirs):
            if a[0] != b[0]:
                problem = f'type {a} vs {b}'; break
            if a[0] == 'NEWLINE':
                if a[2] != b[1]:
                    problem = f'NEWLINE {a} vs {b}'; break
                continue
            text = b[3]
            if a[0] == 'NAME' and not text.isascii():
                text = unicodedata.normalize('NFKC', text)
            if a[1:] != (b[1], b[2], text):
                problem = f'{a} vs {b}'; break
        if problem:
            bad += 1; report.append(f'{f}: {problem}')
        else:
            ok += 1; ntok += len(mine)
    print(f'files={len(files)} match={ok} both_reject={both_reject} mismatch={bad} tokens_compared={ntok}')
    for r in report[:30]:
        print(r)
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
