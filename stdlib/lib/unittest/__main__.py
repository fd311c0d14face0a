"""Main entry point: `python -m unittest ...`."""

import os
import sys

if __name__ == '__main__':
    # Usage messages should name the command, not this module (whose argv[0] is its
    # path, or "<frozen unittest.__main__>" when embedded in the binary).
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"

__unittest = True

from .main import main

main(module=None)
