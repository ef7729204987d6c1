"""The workbench's unit tests: python3 -m unittest discover -s tests -t . (make lint)."""
