from ..util import NAME
from .. import util
def describe():
    return "tool uses " + NAME + " " + str(util.twice(1))
