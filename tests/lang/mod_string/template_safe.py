# string.Template: safe_substitute, is_valid, get_identifiers, subclasses.
from string import Template

t = Template("$who likes ${what} for $$ $ and $")
print(t.safe_substitute(who="tim"))
print(t.safe_substitute({}))
print(t.is_valid(), Template("$a ${b} $$").is_valid())
print(Template("$a ${b} $a $c ${a} $$ $").get_identifiers())
print(Template("").get_identifiers())
print(Template("${a b}").safe_substitute(a=1))
print(Template("${a").safe_substitute(a=1))


class Percent(Template):
    delimiter = "%"


p = Percent("%who knows %% of %{what}")
print(p.substitute(who="ann", what="it"))
print(p.safe_substitute())
print(Percent.delimiter, Template.delimiter)


class Long(Template):
    delimiter = "@@"


print(Long("@@x and @@@@ and @@{y}").substitute(x=1, y=2))


class Mapping:
    def __getitem__(self, key):
        if key == "missing":
            raise KeyError(key)
        return key.upper()


print(Template("$a $b").substitute(Mapping()))
print(Template("$a $missing").safe_substitute(Mapping()))
try:
    Template("$missing").substitute(Mapping())
except KeyError as e:
    print(type(e).__name__, e)
print(isinstance(t, Template), type(t).__name__, Template.__module__)
