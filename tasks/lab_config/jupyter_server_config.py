"""Jupyter server settings of `deno task lab` (tasks/lab.ts puts this folder on JUPYTER_CONFIG_PATH,
below the user's own ~/.jupyter, which still wins).

After JupyterLab saves a notebook that git tracks through the nbstripout filter (.gitattributes),
and whose saved content differs from git's only in what the filter strips (outputs, execution
counts, the kernel's language version), the notebook is re-added to git's index: the same blob,
with the saved file's size and time. Without that, `git status` would list it as modified until
the next `git add`: git compares a file's size with the one its index recorded before it runs any
filter, and outputs change the size (`git diff` shows nothing, which is the tell). A notebook with
a real change, an untracked one, or one in a merge conflict is left alone.
"""

import os
import subprocess
import warnings

# Jupyter Server applies this file's settings to its contents manager twice, and the second
# time its validator warns that the hook replaces itself; that warning is noise on every start.
warnings.filterwarnings(
    "ignore", message=r"Overriding existing post_save_hook \(refresh_git_index\) with a new one \(refresh_git_index\)"
)


def refresh_git_index(model, os_path, contents_manager, **kwargs):
    """Post-save hook: re-add a notebook whose filtered content equals git's index."""
    if model.get("type") != "notebook":
        return
    folder, name = os.path.split(os_path)

    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, timeout=60
        )

    try:
        if not git("check-attr", "filter", "--", name).stdout.strip().endswith(": nbstripout"):
            return
        if git("ls-files", "--error-unmatch", "--", name).returncode != 0:
            return  # untracked
        if git("ls-files", "--unmerged", "--", name).stdout:
            return  # mid-merge: adding would mark it resolved
        if git("diff", "--quiet", "--", name).returncode == 0:  # runs the clean filter
            git("add", "--", name)
    except (OSError, subprocess.SubprocessError) as error:
        contents_manager.log.warning("git index refresh after saving %s: %s", os_path, error)


c.ContentsManager.post_save_hook = refresh_git_index  # noqa: F821 (`c` is Jupyter's config)
