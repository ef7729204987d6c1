"""The entry points: targets/, configs/targets.txt, the Makefile, MODES and
BASE as every target sees them (with DRY_RUN=1, nothing is built or run)."""

import os
import subprocess
import tempfile
import unittest

from workbench import targets
from workbench.layout import TOP

from .env import clean_env


def make(target, env=None, args=()):
    """(exit status, stdout, stderr) of make TARGET in a clean environment."""
    e = clean_env(DRY_RUN="1")
    e.update(env or {})
    # Nothing may be written with DRY_RUN=1; should a target do so anyway,
    # it is not in a real work directory.
    with tempfile.TemporaryDirectory() as work:
        e["WORK"] = work
        p = subprocess.run(["make", "-s", "-C", TOP, target] + list(args), env=e,
                           capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


class Targets(unittest.TestCase):
    def test_every_target_has_its_script(self):
        names = {name for name, _ in targets.load()}
        scripts = {f[:-3] for f in os.listdir(os.path.join(TOP, "targets")) if f.endswith(".sh")}
        self.assertEqual(names, scripts)

    def test_readme_table_is_generated(self):
        with open(os.path.join(TOP, "README.md")) as f:
            text = f.read()
        self.assertEqual(text, targets.readme_with_table(text, targets.load()),
                         "README.md's target table differs from configs/targets.txt: "
                         "run 'python3 -m workbench targets readme README.md'")


class Modes(unittest.TestCase):
    """MODES reaches every target the same way, from the environment or
    from make's command line, and each target has its own default."""

    def modes(self, target, env=None, args=()):
        rc, out, err = make(target, dict(BASE="6.12", **(env or {})), args)
        self.assertEqual(rc, 0, err)
        return out.split("modes: ")[1].split(";")[0].strip()

    def test_environment(self):
        for target in ("run", "check", "check-regression", "soak", "check-sanitizers"):
            self.assertEqual(self.modes(target, {"MODES": "shadow,tdp"}), "shadow tdp", target)

    def test_command_line(self):
        self.assertEqual(self.modes("run", args=["MODES=shadow"]), "shadow")

    def test_defaults(self):
        self.assertEqual(self.modes("run"), "tdp")
        self.assertEqual(self.modes("check-regression"), "tdp")
        self.assertEqual(self.modes("check"), "tdp shadow shadow-paging")

    def test_unknown_mode(self):
        rc, _, err = make("run", {"BASE": "6.12", "MODES": "nope"})
        self.assertNotEqual(rc, 0)
        self.assertIn("unknown MMU mode 'nope'", err)


class Bases(unittest.TestCase):
    def test_default_base_is_7_3(self):
        rc, out, err = make("run")
        self.assertEqual(rc, 0, err)
        self.assertIn("base 7.3;", out)
        self.assertIn("configs/bases/7.3/run.txt", out)

    def test_per_base_lists(self):
        _, out, _ = make("check", {"BASE": "6.12"})
        self.assertIn("configs/tests/check.txt", out)
        _, out, _ = make("check", {"BASE": "7.3"})
        self.assertIn("configs/bases/7.3/check.txt", out)

    def test_unknown_base_is_one_line(self):
        rc, out, err = make("check", {"BASE": "9.9", "DRY_RUN": "0"})
        self.assertNotEqual(rc, 0)
        ours = [line for line in err.splitlines() if not line.startswith("make")]
        self.assertEqual(ours, ["check.sh: error: unknown BASE '9.9' (known: 6.12 7.3)"])


if __name__ == "__main__":
    unittest.main()
