"""``python -m qa.bench``: the main benchmark (qa.bench.main)."""
import sys

from .main import main

sys.exit(main())
