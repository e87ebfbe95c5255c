"""The main job (`deno task run`): execute every notebook top to bottom on a fresh Deno
kernel, headless, and write the results to out/.

out/notebooks/*.ipynb   executed copies
out/figures/            every figure the notebooks saved (lib's save() writes there)
out/summary.json        {"notebooks": [...], "figures": [...], "metrics": {...}}

Everything is written to a staging folder first and swapped in only when every notebook
ran cleanly, so a failed run leaves the previous out/ as it was.
"""

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNEL_NAME = "deno-activations"

try:
    import nbformat
    from jupyter_core.utils import ensure_async
    from nbclient import NotebookClient
    from nbclient.exceptions import (
        CellExecutionComplete,
        CellExecutionError,
        CellTimeoutError,
        DeadKernelError,
    )
except ImportError as e:  # run outside .venv
    sys.exit(f"error: {e}. Run this through `deno task run`, which sets up .venv/ first.")


class DenoNotebookClient(NotebookClient):
    """nbclient, tolerant of the Deno kernel publishing a cell's result after its idle status.

    Deno 2.9.6's kernel sometimes sends `status: idle` before the cell's `execute_result` or
    `stream` message (seen for a few percent of cells). Stock nbclient stops listening at
    idle and drops those outputs. Here a late message still lands in the cell it belongs to,
    and the channel is drained for half a second after the last cell.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._finished: dict[str, tuple] = {}
        code = [i for i, c in enumerate(self.nb.cells) if c.cell_type == "code"]
        self._last_code_cell = code[-1] if code else -1

    def _late(self, msg) -> None:
        cell, cell_index = self._finished[msg["parent_header"]["msg_id"]]
        try:
            self.process_message(msg, cell, cell_index)
        except CellExecutionComplete:
            pass

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index) -> None:
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            parent = msg["parent_header"].get("msg_id")
            if parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    self._finished[parent] = (cell, cell_index)
                    return
            elif parent in self._finished:
                self._late(msg)

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        if cell_index == self._last_code_cell:
            await self._drain()
        return result

    async def _drain(self) -> None:
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=0.5))
            except Exception:  # queue.Empty: nothing more came
                return
            if msg["parent_header"].get("msg_id") in self._finished:
                self._late(msg)


class Progress:
    """One updating line on a terminal; a line per notebook otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def cell(self, label: str, index: int, total: int, started: float) -> None:
        if self.tty:
            line = f"{label}  cell {index}/{total}  {time.monotonic() - started:5.1f} s"
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    def done(self, label: str, cells: int, seconds: float, ok: bool) -> None:
        status = "ok" if ok else "FAILED"
        end = "\r\033[K" if self.tty else ""
        print(f"{end}{label}  {cells} cells  {seconds:.1f} s  {status}", file=sys.stderr, flush=True)


def first_lines(text: str, n: int = 6) -> str:
    import re

    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return "\n".join(text.strip().splitlines()[:n])


def tail(log: Path, n: int = 10) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if "is unstable" not in line]
    return "kernel log:\n" + "\n".join(lines[-n:]) if lines else ""


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def describe(e: Exception, timeout: int, kernel_log: str) -> str:
    if isinstance(e, CellTimeoutError):
        return f"a cell ran longer than {timeout} s: {first_lines(str(e), 3)}"
    if isinstance(e, CellExecutionError):
        return first_lines(str(e), 14)
    if isinstance(e, DeadKernelError):
        return f"the kernel died: {first_lines(str(e))}\n{kernel_log}"
    return f"{type(e).__name__}: {first_lines(str(e))}"


def check_kernel(nb, path: Path) -> str | None:
    name = nb.metadata.get("kernelspec", {}).get("name")
    if name != KERNEL_NAME:
        return (
            f'{path.name} asks for the kernel "{name}", but this project\'s kernel is '
            f'"{KERNEL_NAME}". Set metadata.kernelspec.name to "{KERNEL_NAME}" '
            "(in JupyterLab: Kernel > Change Kernel... > Deno (activation functions), then save)."
        )
    return None


def execute(path: Path, staging: Path, timeout: int, progress: Progress, label: str) -> dict:
    nb = nbformat.read(path, as_version=4)
    errors: list[str] = []
    raised = False
    problem = check_kernel(nb, path)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    started = time.monotonic()
    if problem is None:
        metrics = staging / "metrics" / f"{path.stem}.jsonl"
        os.environ["FIGURES_DIR"] = str(staging / "figures")
        os.environ["METRICS_FILE"] = str(metrics)
        os.environ["NO_COLOR"] = "1"

        current = [0]

        def on_cell_start(cell, cell_index, **_):
            if cell.cell_type == "code":
                current[0] = code_cells.index(cell_index) + 1
                progress.cell(label, current[0], len(code_cells), started)

        client = DenoNotebookClient(
            nb,
            timeout=timeout,
            kernel_name=KERNEL_NAME,
            resources={"metadata": {"path": str(path.parent)}},
            on_cell_start=on_cell_start,
        )
        log = staging / "logs" / f"{path.stem}.kernel.log"
        log.parent.mkdir(exist_ok=True)
        try:
            with log.open("w") as kernel_stderr:  # the kernel's own chatter, kept off the terminal
                client.execute(stderr=kernel_stderr)
        except (CellTimeoutError, CellExecutionError, DeadKernelError, Exception) as e:
            raised = True
            errors.append(f"code cell {current[0]} of {len(code_cells)}: {describe(e, timeout, tail(log))}")
    else:
        errors.append(problem)

    for number, index in enumerate(code_cells, start=1):
        for output in nb.cells[index].get("outputs", []):
            where = f"code cell {number} of {len(code_cells)}"
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                errors.append(f"{where} printed to stderr:\n{first_lines(output.get('text', ''))}")
            elif output.get("output_type") == "error" and not raised:
                text = f"{output.get('ename')}: {output.get('evalue')}"
                errors.append(f"{where} raised {first_lines(text)}")
    seconds = time.monotonic() - started
    nbformat.write(nb, staging / "notebooks" / path.name)
    progress.done(label, len(code_cells), seconds, not errors)
    return {
        "path": shown(path),
        "cells": len(code_cells),
        "seconds": round(seconds, 2),
        "errors": errors,
    }


def read_metrics(staging: Path) -> dict:
    metrics: dict = {}
    for file in sorted((staging / "metrics").glob("*.jsonl")):
        values = metrics.setdefault(file.stem, {})
        for line in file.read_text().splitlines():
            if line.strip():
                record = json.loads(line)
                values[record["name"]] = record["value"]
    return metrics


def swap(staging: Path, out: Path) -> None:
    """Replace out/ by the staging folder; keep what other tools put in out/ (screenshots)."""
    for entry in out.iterdir() if out.exists() else []:
        if not (staging / entry.name).exists():
            shutil.move(str(entry), staging / entry.name)
    old = out.with_name(f".out-old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="default: out/")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (600)")
    args = parser.parse_args()

    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("error: no notebooks found in notebooks/", file=sys.stderr)
        return 1
    for p in paths:
        if not p.is_file():
            print(f"error: notebook {p} does not exist", file=sys.stderr)
            return 1
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".out-tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    for sub in ("notebooks", "figures", "metrics"):
        (staging / sub).mkdir(parents=True)

    progress = Progress()
    try:
        results = []
        for i, path in enumerate(paths, start=1):
            label = f"[{i}/{len(paths)}] {shown(path)}"
            results.append(execute(path, staging, args.timeout, progress, label))
        failed = [r for r in results if r["errors"]]
        if failed:
            for r in failed:
                print(f"\nerror: {r['path']} failed:", file=sys.stderr)
                for e in r["errors"]:
                    print("  " + e.replace("\n", "\n  "), file=sys.stderr)
            print(f"\n{len(failed)} of {len(results)} notebooks failed; {out} was left as it was.",
                  file=sys.stderr)
            return 1
        metrics = read_metrics(staging)
        shutil.rmtree(staging / "metrics")
        shutil.rmtree(staging / "logs", ignore_errors=True)
        figures = sorted(str(p.relative_to(staging)) for p in (staging / "figures").rglob("*") if p.is_file())
        summary = {"notebooks": results, "figures": figures, "metrics": metrics}
        (staging / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
        swap(staging, out)
        total = sum(r["seconds"] for r in results)
        print(f"{len(results)} notebooks ran in {total:.1f} s; {len(figures)} figure files; "
              f"results in {out}", file=sys.stderr)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
