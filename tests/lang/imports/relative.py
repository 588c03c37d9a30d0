from pkg_rel import api
print(api.combined())
from pkg_rel.inner import tool
print(tool.describe())
