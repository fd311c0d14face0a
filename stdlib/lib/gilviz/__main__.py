import sys

if __package__:
    from .render import main
else:
    # Run as a file (python3 stdlib/lib/gilviz/__main__.py): make the package importable
    # without putting minipy's stdlib/lib in front of the running Python's own library.
    import os
    sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from gilviz.render import main

sys.exit(main())
