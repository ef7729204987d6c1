"""The environment of a workbench command run by a test: the caller's,
without the workbench's own settings (a test may run inside "make check",
whose lib/common.sh exports them) and without git's."""

import os

SETTINGS = ("BASE", "ARCH", "ACCEL", "WORKBENCH_MMU_MODES", "MODES", "WORK", "WORK_ROOT", "TREE", "PATCHES", "DRY_RUN",
            "MAKEFLAGS", "MAKELEVEL", "MFLAGS")


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in SETTINGS and not k.startswith("GIT_")}
    env.update(extra)
    return env
