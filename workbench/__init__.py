"""The workbench's host-side Python: test plans, result parsing, reports.

One package, one command line: ``python3 -m workbench COMMAND ARGS...``
(``python3 -m workbench`` alone lists the commands). The shell layers
(targets/, lib/) call it with PYTHONPATH set to the top of the checkout
(lib/common.sh).
"""
