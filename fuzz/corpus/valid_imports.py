from __future__ import annotations
import os.path as p
from . import a
from ..b import (c, d as e)
