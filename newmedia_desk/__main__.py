"""Allow ``python -m newmedia_desk``."""

import sys

from newmedia_desk.cli import main

sys.exit(main())
