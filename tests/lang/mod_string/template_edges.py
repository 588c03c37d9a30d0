# string.Template: edge cases of the placeholder grammar.
from string import Template

cases = ["$", "$$", "$$$", "${}", "${ a}", "${a }", "${1a}", "$1a", "$_", "${_x_1}", "$a.b", "$a$b", "a$$b$c",
         "${a}${b}", "$é", "${a", "x ${a}} y", "$A$a", "\n$", "ab\ncd $ ef", "$a_", "$__init__"]
mapping = {"a": "[A]", "b": "[B]", "c": "[C]", "_": "[_]", "_x_1": "[X]", "A": "[cap]", "a_": "[a_]",
           "__init__": "[init]"}
for text in cases:
    t = Template(text)
    try:
        sub = t.substitute(mapping)
    except (ValueError, KeyError) as e:
        sub = type(e).__name__ + ": " + str(e)
    print(repr(text), "|", repr(sub), "|", repr(t.safe_substitute()), "|", t.is_valid(), t.get_identifiers())
t = Template("$x")
t.template = "now $y"
print(t.substitute(y=1))
print(Template("$x $y").substitute({"x": 1}, y=2), Template("$x").substitute({"x": 1}, x=2))
print(Template("${x}y").substitute(x=0), Template("$x$x").safe_substitute(x="."))
