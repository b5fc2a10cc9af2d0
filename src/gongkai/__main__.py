"""``python -m gongkai`` runs the command line."""

import sys

from gongkai.cli import main

sys.exit(main())
