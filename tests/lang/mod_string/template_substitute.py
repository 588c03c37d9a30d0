# string.Template: substitute with $name, ${name}, $$ and its errors.
from string import Template

t = Template("$who likes $what")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(Template("${noun}ification $$5 $x_1y").substitute(noun="deific", x_1y=3))
print(Template("$a$b${c}d").substitute(a=1, b=2.5, c=None))
print(Template("no placeholders").substitute())
print(Template("trail $").safe_substitute())
print(t.template, Template.delimiter, Template.idpattern, Template.braceidpattern)
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
try:
    Template("cost: $5").substitute()
except ValueError as e:
    print(type(e).__name__, e)
try:
    Template("line one\nline $ two").substitute()
except ValueError as e:
    print(type(e).__name__, e)
try:
    Template("a\r\nb\nc ${x").substitute(x=1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Template("$").substitute()
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.substitute({}, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    Template()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Template(5).substitute()
except TypeError as e:
    print(type(e).__name__, e)
print(Template("$ÿ").safe_substitute())
print(Template("$x").substitute(x=[1, 2]))
print(Template(template="$z").substitute(z="kw"))
