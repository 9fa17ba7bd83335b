import os
import os.path as osp
from collections import OrderedDict as OD, defaultdict
from . import sibling
from .. import parent
from ...pkg.mod import (a,
                 b as c)
from .mod import *
