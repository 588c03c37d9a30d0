from . import util
from .util import twice
from .inner.tool import describe
def combined():
    return util.NAME, twice(4), describe()
