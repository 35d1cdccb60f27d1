"""Allow ``python -m tests.perf``."""

import sys

from tests.perf.startup import main

sys.exit(main())
