"""``python -m inspector_app`` works like the ``inspector-app`` command."""

import sys

from inspector_app.cli import main

sys.exit(main())
