import sys
from pathlib import Path

# Child processes are spawned: they import targets by module name, from this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))
