"""make export-patches: the series is exported as submitted by the
identity of "git config user.name/user.email", or stops with a one-line
error when there is none (a tiny tree in a temporary WORK, a temporary
PATCHES directory)."""

import os
import subprocess
import tempfile
import unittest

from workbench.layout import TOP

from .env import clean_env


def git(cwd, *args, env=None):
    subprocess.run(["git", "-C", cwd] + list(args), check=True, env=env,
                   capture_output=True, text=True)


class ExportPatches(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        self.patches = os.path.join(d, "patches")
        self.gitconfig = os.path.join(d, "gitconfig")
        open(self.gitconfig, "w").close()
        self.env = clean_env(WORK=d, BASE="6.12", PATCHES=self.patches,
                             GIT_CONFIG_GLOBAL=self.gitconfig, GIT_CONFIG_NOSYSTEM="1")
        tree = os.path.join(d, "6.12", "linux")
        os.makedirs(tree)
        author = dict(self.env, GIT_AUTHOR_NAME="A Author", GIT_AUTHOR_EMAIL="a@example.org",
                      GIT_COMMITTER_NAME="A Author", GIT_COMMITTER_EMAIL="a@example.org")
        git(tree, "init", "-q", "-b", "series", env=author)
        with open(os.path.join(tree, "f.c"), "w") as f:
            f.write("int x;\n")
        git(tree, "add", "f.c", env=author)
        git(tree, "commit", "-q", "-m", "base", env=author)
        git(tree, "tag", "base", env=author)
        with open(os.path.join(tree, "f.c"), "a") as f:
            f.write("int y;\n")
        git(tree, "commit", "-q", "-am", "f: add y", "-m", "Because.", env=author)

    def tearDown(self):
        self.tmp.cleanup()

    def export(self):
        return subprocess.run([os.path.join(TOP, "targets", "export-patches.sh")], env=self.env,
                              capture_output=True, text=True, timeout=60)

    def test_no_identity(self):
        if subprocess.run(["git", "-C", TOP, "config", "user.name"], env=self.env,
                          capture_output=True).returncode == 0:
            self.skipTest("this checkout's own .git/config sets user.name")
        p = self.export()
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(p.stderr.splitlines(), [
            "export-patches.sh: error: no submitter identity: set git config user.name "
            "and user.email (they sign the exported patches)"])

    def test_signed_by_submitter(self):
        with open(self.gitconfig, "w") as f:
            f.write("[user]\n\tname = S Submitter\n\temail = s@example.org\n")
        p = self.export()
        self.assertEqual(p.returncode, 0, p.stderr)
        (patch,) = [n for n in os.listdir(self.patches) if n.startswith("0001-")]
        with open(os.path.join(self.patches, patch)) as f:
            text = f.read()
        self.assertIn("\nFrom: S Submitter <s@example.org>\n", text)
        self.assertIn("\nFrom: A Author <a@example.org>\n", text)  # the author, in the body
        self.assertIn("\nSigned-off-by: S Submitter <s@example.org>\n", text)


if __name__ == "__main__":
    unittest.main()
