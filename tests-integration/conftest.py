import sys
from pathlib import Path

# Make `helpers` importable from every integration test module.
sys.path.insert(0, str(Path(__file__).resolve().parent))
