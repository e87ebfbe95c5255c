"""Builds bench/original/original_notebook.ipynb from the original's text dump, cell for cell.

    python3 bench/original/make_original_notebook.py /work/shared/seed/000_4590a60997804a03.txt

Markdown lines ("## ...", "#### ...") become markdown cells, each "In [N]:" block a
code cell with its source unchanged. Standard library only.
"""
import json
import re
import sys


def cells_from_text(text):
    cells, kind, buf = [], None, []

    def flush():
        src = "\n".join(buf).strip("\n")
        if kind is not None and src:
            cells.append((kind, src))

    for line in text.splitlines():
        if re.match(r"^In \[\d+\]:\s*$", line):
            flush()
            kind, buf = "code", []
        elif line.startswith("#") and (kind != "code" or (buf and buf[-1].strip() == "")):
            # A heading after a blank line ends a code cell (code comments are never at
            # column 0 after a blank line in the original).
            if kind != "markdown":
                flush()
                kind, buf = "markdown", []
            buf.append(line)
        else:
            buf.append(line)
    flush()
    return cells


def notebook(cells):
    out = []
    for kind, src in cells:
        lines = src.split("\n")
        source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
        cell = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return {
        "cells": out,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


if __name__ == "__main__":
    src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seed/000_4590a60997804a03.txt"
    dst = sys.argv[2] if len(sys.argv) > 2 else __file__.replace("make_original_notebook.py", "original_notebook.ipynb")
    with open(src) as f:
        nb = notebook(cells_from_text(f.read()))
    with open(dst, "w") as f:
        json.dump(nb, f, indent=1)
        f.write("\n")
    print(f"{dst}: {sum(c['cell_type'] == 'code' for c in nb['cells'])} code cells, "
          f"{sum(c['cell_type'] == 'markdown' for c in nb['cells'])} markdown cells")
