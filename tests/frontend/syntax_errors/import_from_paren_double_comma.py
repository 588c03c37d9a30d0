from os import (path,,)
