"""The main job (`deno task run`): execute notebooks top to bottom, each on a fresh kernel of
the project (Deno's kernel behind tasks/kernel_proxy.py), headless, with stock nbclient, and
write the results to out/.

out/notebooks/*.ipynb   executed copies
out/figures/            every figure the notebooks saved (lib's save() writes there)
out/summary.json        {"notebooks": [...], "figures": [...], "metrics": {...}}

Everything is written to a staging folder first and swapped in only when every notebook
ran cleanly, so a failed or interrupted run leaves the previous out/ as it was. Naming some
notebooks runs only those and updates only their entries (executed copy, figures, metrics)
in out/. A notebook fails on an error in any cell, on anything printed to stderr, and on an
error thrown in a callback or a promise nobody awaited (the kernel reports those).

`--param NAME=VALUE` (repeatable) overrides a variable that a notebook's cells tagged
`parameters` declare (papermill's convention), e.g. `--param dataset=spiral`: the executed
copy gets a new cell after the last `parameters` cell, tagged `injected-parameters`, that
declares the variable again with the value. VALUE is a JSON literal (number, string, true,
false, null, array) or plain text for a string; it must fit the variable's TypeScript type
annotation when the cell gives one it can read (number, string, boolean, null, literals
such as "sgd", arrays, unions), else the type of its initial value. Unknown names and values
of the wrong type are refused before any kernel starts; the values are recorded per notebook
in summary.json ("parameters").
"""

import argparse
import asyncio
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNEL_NAME = "deno-activations"
# What the kernel proxy writes to its log when code throws after its cell has finished.
UNCAUGHT_LOG = "kernel-proxy: uncaught error"
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

# jsonschema, which nbformat validates with, imports rfc3987_syntax when it is installed
# (jupyter-events brings it) to check IRI formats, and that module builds its grammar at
# import: 0.9 s of the runner's 1.1 s start. No notebook schema uses those formats, so
# the runner does without it (jsonschema treats it as not installed).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from nbformat.validator import normalize
except ImportError as e:  # run outside .venv
    sys.exit(f"error: {e}. Run this through `./denow task run`, which sets up .venv/ first.")


class Stopped(Exception):
    """Ctrl-C, SIGTERM or SIGHUP: stop everything, exit with 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.code = 128 + signum


class Progress:
    """One updating line on a terminal; a line per notebook otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def cell(self, label: str, index: int, total: int, started: float) -> None:
        if self.tty:
            line = f"{label}  code cell {index}/{total}  {time.monotonic() - started:5.1f} s"
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)

    def done(self, label: str, cells: int, seconds: float, ok: bool) -> None:
        status = "ok" if ok else "FAILED"
        end = "\r\033[K" if self.tty else ""
        print(f"{end}{label}  {cells} code cells  {seconds:.1f} s  {status}", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.tty:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def first_lines(text: str, n: int = 6) -> str:
    import re

    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return "\n".join(text.strip().splitlines()[:n])


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def describe(e: Exception, timeout: int, log: Path) -> str:
    if isinstance(e, CellTimeoutError):
        return f"it ran longer than {timeout} s (--timeout): {first_lines(str(e), 3)}"
    if isinstance(e, CellExecutionError):
        # the error itself first: a long cell's source would push it past the lines shown
        text = first_lines(str(e), 14)
        error = f"{e.ename}: {e.evalue}".strip() if getattr(e, "ename", "") else ""
        return text if not error or first_lines(error, 1) in text else f"{first_lines(error)}\n{text}"
    if isinstance(e, DeadKernelError):
        lines = [line for line in log.read_text(errors="replace").splitlines() if "is unstable" not in line]
        return f"the kernel died: {first_lines(str(e))}\nkernel log:\n" + "\n".join(lines[-10:])
    return f"{type(e).__name__}: {first_lines(str(e))}"


# --- checks made before anything runs -------------------------------------------------


def read_notebook(path: Path):
    """The notebook, or an error message that names the file."""
    if not path.is_file():
        return None, f"{shown(path)} does not exist"
    if path.suffix != ".ipynb":
        return None, f"{shown(path)} is not a notebook (.ipynb)"
    try:
        nb = nbformat.read(path, as_version=4)
        normalize(nb)  # e.g. cell ids for notebooks saved by an older Jupyter
        nbformat.validate(nb)
    except Exception as e:  # NotJSONError, ValidationError, UnicodeDecodeError, ...
        reason = first_lines(str(e), 3) or type(e).__name__
        return None, f"{shown(path)} is not a valid notebook: {reason}"
    name = nb.metadata.get("kernelspec", {}).get("name")
    if name != KERNEL_NAME:
        return None, (
            f'{shown(path)} asks for the kernel "{name}", but this project\'s kernel is '
            f'"{KERNEL_NAME}". Set metadata.kernelspec.name to "{KERNEL_NAME}" '
            "(in JupyterLab: Kernel > Change Kernel... > Deno (activation functions), then save)."
        )
    return nb, None


def project_entries() -> set[str]:
    """Top-level names that belong to the project (what git tracks, and the installs)."""
    names = {".git", ".venv", ".tools", "node_modules", ".bench-venv"}
    try:
        tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, timeout=30)
        names |= {line.split("/", 1)[0] for line in tracked.stdout.splitlines() if line}
    except (OSError, subprocess.TimeoutExpired):
        names |= {"lib", "tasks", "tests", "notebooks", "bench", "docs", ".ci", "deno.json", "README.md"}
    return names


def check_out(out: Path) -> str | None:
    """Why `out` may not be replaced by this job's results, if it may not."""
    if out == ROOT or out in ROOT.parents:
        return f"--out {out} is or contains the project folder; pick a folder of its own, e.g. {ROOT / 'out'}"
    if out.is_relative_to(ROOT):
        top = out.relative_to(ROOT).parts[0]
        if top in project_entries():
            return f"--out {out} is inside the project's {top}/; pick a folder of its own, e.g. {ROOT / 'out'}"
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file"
    # what the project's own tools keep in out/ beside the job's results: deno task lab's
    # figures (out/lab/) and the browser tests' screenshots
    foreign = [p for p in out.iterdir() if p.name not in {"lab", "screenshots"}] if out.is_dir() else []
    if foreign and not (out / "summary.json").is_file():
        return f"--out {out} holds files this job did not write (no summary.json); pick a new or empty folder"
    return None


# --- parameters (papermill's convention, for TypeScript) -------------------------------

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
# one declaration per line: let|const|var NAME[: TYPE] = VALUE;  (a comment may follow)
DECLARATION = re.compile(
    r"^\s*(let|const|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*(.+?))?\s*=\s*(.+?)\s*;?\s*(?://.*)?$"
)
ANY = ("any",)


def tagged(cell, tag: str) -> bool:
    return tag in (cell.get("metadata", {}).get("tags") or [])


def split_top(text: str, sep: str) -> list[str]:
    """`text` split at `sep` outside brackets, parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote and text[i - 1] != "\\" else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([<{":
            depth += 1
        elif ch in ")]>}":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def literal(text: str):
    """A JSON literal (or a single-quoted string) as a Python value; raises ValueError."""
    text = re.sub(r"\s+as\s+const$", "", text.strip())
    if len(text) >= 2 and text[0] == text[-1] == "'" and '"' not in text:
        text = '"' + text[1:-1] + '"'

    def refuse(name):
        raise ValueError(name)

    return json.loads(text, parse_constant=refuse)


def parse_type(text: str):
    """A TypeScript type annotation as a tuple of alternatives: "number", "string",
    "boolean", "null", ("literal", v), ("array", element type) or ANY (a name we do not
    know, such as FeatureName); None for a type we cannot read."""
    text = text.strip()
    alternatives = []
    for part in split_top(text, "|"):
        part = re.sub(r"^readonly\s+", "", part)
        while part.startswith("(") and part.endswith(")"):
            part = part[1:-1].strip()
        if part.endswith("[]"):
            inner = parse_type(part[:-2])
            if inner is None:
                return None
            alternatives.append(("array", inner))
        elif m := re.fullmatch(r"(?:Readonly)?Array<(.+)>", part):
            inner = parse_type(m.group(1))
            if inner is None:
                return None
            alternatives.append(("array", inner))
        elif part in ("number", "string", "boolean", "null"):
            alternatives.append(part)
        elif part in ("any", "unknown") or re.fullmatch(r"[A-Za-z_$][\w$.]*", part):
            alternatives.append(ANY)
        else:
            try:
                alternatives.append(("literal", literal(part)))
            except ValueError:
                return None
    return tuple(alternatives)


def type_of(value):
    """The type a JSON value's own kind allows (what an initial value declares)."""
    if value is None:
        return (ANY,)
    if isinstance(value, bool):
        return ("boolean",)
    if isinstance(value, (int, float)):
        return ("number",)
    if isinstance(value, str):
        return ("string",)
    if isinstance(value, list):
        kinds = {type_of(v) for v in value}
        element = kinds.pop() if len(kinds) == 1 and None not in kinds and (ANY,) not in kinds else None
        return (("array", element or (ANY,)),)
    return None


def fits(value, typ) -> bool:
    for alt in typ:
        if alt == ANY:
            if isinstance(value, (bool, int, float, str, list)) or value is None:
                return True
        elif alt == "null":
            if value is None:
                return True
        elif alt == "boolean":
            if isinstance(value, bool):
                return True
        elif alt == "number":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                return True
        elif alt == "string":
            if isinstance(value, str):
                return True
        elif alt[0] == "literal":
            if value == alt[1] and type(value) is type(alt[1]):
                return True
        elif alt[0] == "array":
            if isinstance(value, list) and all(fits(v, alt[1]) for v in value):
                return True
    return False


def describe_type(typ) -> str:
    def one(alt):
        if alt == ANY:
            return "any value"
        if isinstance(alt, str):
            return {"number": "a number", "string": "a string", "boolean": "true or false",
                    "null": "null"}[alt]
        if alt[0] == "literal":
            return json.dumps(alt[1])
        return "an array" if alt[1] == (ANY,) else f"an array of {plural(alt[1])}"
    words = [one(a) for a in typ]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def plural(typ) -> str:
    """What an array of this type holds, in words: numbers, strings, "a" or "b" values."""
    names = {"number": "numbers", "string": "strings", "boolean": "booleans", "null": "nulls"}
    words = [
        "values" if alt == ANY else names[alt] if isinstance(alt, str)
        else json.dumps(alt[1]) if alt[0] == "literal" else "arrays"
        for alt in typ
    ]
    return " or ".join(words)


def declared_parameters(nb) -> tuple[dict, int | None]:
    """The variables the cells tagged `parameters` declare, as {name: (keyword, type)}, and
    the index of the last such cell (None when there is none)."""
    names, last = {}, None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not tagged(cell, PARAMETERS_TAG):
            continue
        last = index
        for line in cell.source.splitlines():
            m = DECLARATION.match(line)
            if not m:
                continue
            keyword, name, annotation, initial = m.groups()
            typ = parse_type(annotation) if annotation else None
            if typ is None:
                try:
                    typ = type_of(literal(initial))
                except ValueError:
                    typ = None
            names[name] = (keyword, typ or (ANY,))
    return names, last


def parse_params(given: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """`--param NAME=VALUE` arguments as (name, raw value) pairs, and problems."""
    pairs, problems, seen = [], [], set()
    for item in given:
        name, eq, raw = item.partition("=")
        name = name.strip()
        if not eq or not re.fullmatch(r"[A-Za-z_$][\w$]*", name):
            problems.append(f"--param {item}: expected NAME=VALUE, e.g. --param dataset=spiral")
        elif name in seen:
            problems.append(f"--param {name} is given twice")
        else:
            seen.add(name)
            pairs.append((name, raw))
    return pairs, problems


def resolve_params(nb, pairs: list[tuple[str, str]], where: str) -> tuple[dict, list[str]]:
    """Each override's value, checked against what the notebook's parameters cells declare."""
    declared, last = declared_parameters(nb)
    if last is None:
        return {}, [f"{where} has no cell tagged \"{PARAMETERS_TAG}\", so --param cannot set anything in it"]
    values, problems = {}, []
    for name, raw in pairs:
        if name not in declared:
            problems.append(
                f"--param {name}: {where}'s parameters cell declares no {name} "
                f"(it declares: {', '.join(declared) or 'nothing'})"
            )
            continue
        typ = declared[name][1]
        candidates = []
        try:
            candidates.append(literal(raw))
        except ValueError:
            pass
        candidates.append(raw)  # plain text is a string
        fitting = [c for c in candidates if fits(c, typ)]
        if not fitting:
            problems.append(f"--param {name}={raw}: expected {describe_type(typ)}")
            continue
        values[name] = fitting[0]
    return values, problems


def inject_params(nb, values: dict) -> None:
    """Papermill's way: a cell tagged `injected-parameters` after the last `parameters` cell
    (replacing one a previous injection left), declaring each overridden variable again."""
    declared, _ = declared_parameters(nb)
    nb.cells = [c for c in nb.cells if not tagged(c, INJECTED_TAG)]
    last = max(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and tagged(c, PARAMETERS_TAG))
    lines = ["// Parameters (deno task run --param)"] + [
        f"{declared[name][0]} {name} = {json.dumps(value, ensure_ascii=False)};" for name, value in values.items()
    ]
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    cell.id = INJECTED_TAG
    nb.cells.insert(last + 1, cell)


# --- running --------------------------------------------------------------------------


class Job:
    def __init__(self, out: Path, timeout: int):
        self.out = out
        self.timeout = timeout
        self.staging = out.with_name(f".out-tmp-{os.getpid()}")
        self.progress = Progress()
        self.client: NotebookClient | None = None
        self.stopped = 0  # the signal that stops the job
        self.where = ""  # the cell running

    def execute(self, path: Path, nb, label: str, parameters: dict | None = None) -> dict:
        staging = self.staging
        errors: list[str] = []
        raised = False
        code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        started = time.monotonic()
        figures_dir = staging / "figures-of" / path.stem
        figures_dir.mkdir(parents=True)
        os.environ["FIGURES_DIR"] = str(figures_dir)
        os.environ["METRICS_FILE"] = str(staging / "metrics" / f"{path.stem}.jsonl")
        os.environ["NO_COLOR"] = "1"
        current = [0]

        def on_cell_start(cell, cell_index, **_):
            if cell.cell_type == "code":
                current[0] = code_cells.index(cell_index) + 1
                self.where = f"{shown(path)}, code cell {current[0]} of {len(code_cells)}"
                self.progress.cell(label, current[0], len(code_cells), started)

        self.client = NotebookClient(
            nb,
            timeout=self.timeout,
            kernel_name=KERNEL_NAME,
            resources={"metadata": {"path": str(path.parent)}},
            on_cell_start=on_cell_start,
            on_notebook_start=self.take_signals,
        )
        log = staging / "logs" / f"{path.stem}.kernel.log"
        log.parent.mkdir(exist_ok=True)
        try:
            with log.open("w") as kernel_stderr:  # the kernel's own chatter, kept off the terminal
                self.client.execute(stderr=kernel_stderr)
        except Exception as e:  # CellExecutionError, CellTimeoutError, DeadKernelError, ...
            raised = True
            errors.append(f"code cell {current[0]} of {len(code_cells)}: {describe(e, self.timeout, log)}")
        finally:
            self.client = None
            self.take_signals()  # nbclient reset them to the defaults on its way out
            self.check_stopped()

        for number, index in enumerate(code_cells, start=1):
            for output in nb.cells[index].get("outputs", []):
                where = f"code cell {number} of {len(code_cells)}"
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    errors.append(f"{where} printed to stderr:\n{first_lines(output.get('text', ''))}")
                elif output.get("output_type") == "error" and not raised:
                    text = f"{output.get('ename')}: {output.get('evalue')}"
                    errors.append(f"{where} raised {first_lines(text)}")
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith(UNCAUGHT_LOG):  # after the last cell had finished
                errors.append(line.removeprefix("kernel-proxy: "))
        seconds = time.monotonic() - started
        nbformat.write(nb, staging / "notebooks" / path.name)
        figures = sorted(p.name for p in figures_dir.iterdir() if p.is_file())
        for name in figures:
            os.replace(figures_dir / name, staging / "figures" / name)
        self.progress.done(label, len(code_cells), seconds, not errors)
        return {
            "path": shown(path),
            "cells": len(code_cells),
            "seconds": round(seconds, 2),
            "errors": errors,
            "figures": figures,
            **({"parameters": parameters} if parameters else {}),
        }

    def take_signals(self, **_) -> None:
        """Ctrl-C, SIGTERM and SIGHUP stop the job. nbclient puts its own SIGINT and SIGTERM
        handlers on its event loop (they shut the kernel down and let the job run on);
        this runs as its on_notebook_start hook, and again after each notebook."""
        for signum in SIGNALS:
            signal.signal(signum, lambda signum, _frame: self.stop(signum))
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for signum in SIGNALS:
            loop.add_signal_handler(signum, self.stop, signum)

    def stop(self, signum: int) -> None:
        """The signal handler: kill the kernel at once, so that nbclient returns within a
        second or two; the job then stops (exceptions raised inside nbclient's event loop
        would not reach us)."""
        self.stopped = self.stopped or signum
        self.kill_kernel()

    def check_stopped(self) -> None:
        if self.stopped:
            raise Stopped(self.stopped)

    def kill_kernel(self) -> None:
        """The running notebook's kernel, and Deno's kernel behind it, killed at once."""
        client = self.client
        km = getattr(client, "km", None) if client else None
        process = getattr(getattr(km, "provisioner", None), "process", None)
        if process is None:
            return
        try:
            os.killpg(os.getpgid(process.pid), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            km.cleanup_connection_file()
        except Exception:
            pass

    def previous(self) -> dict:
        """out/summary.json of an earlier run, when there is one to update."""
        try:
            return json.loads((self.out / "summary.json").read_text())
        except (OSError, ValueError):
            return {}

    def prepare(self, partial: bool) -> dict:
        shutil.rmtree(self.staging, ignore_errors=True)
        for sub in ("notebooks", "figures", "metrics"):
            (self.staging / sub).mkdir(parents=True)
        before = self.previous() if partial else {}
        if before:  # start from the previous results; each notebook run replaces its own
            for sub in ("notebooks", "figures"):
                if (self.out / sub).is_dir():
                    shutil.copytree(self.out / sub, self.staging / sub, dirs_exist_ok=True)
        return before

    def finish(self, results: list[dict], before: dict) -> dict:
        staging = self.staging
        metrics = dict(before.get("metrics", {}))
        for result in results:  # a notebook run again keeps none of its old metrics or figures
            metrics.pop(Path(result["path"]).stem, None)
        for file in sorted((staging / "metrics").glob("*.jsonl")):
            values = metrics.setdefault(file.stem, {})
            for line in file.read_text().splitlines():
                if line.strip():
                    record = json.loads(line)
                    values[record["name"]] = record["value"]
        ran = {r["path"] for r in results}
        kept = [n for n in before.get("notebooks", []) if n.get("path") not in ran]
        keep_figures = {f for n in kept for f in n.get("figures", [])}
        for old in before.get("notebooks", []):
            if old.get("path") in ran:
                new = next(r for r in results if r["path"] == old["path"])
                for name in old.get("figures", []):
                    if name not in keep_figures and name not in new["figures"]:
                        (staging / "figures" / name).unlink(missing_ok=True)
        for sub in ("metrics", "logs", "figures-of"):
            shutil.rmtree(staging / sub, ignore_errors=True)
        notebooks = sorted(kept + results, key=lambda n: n["path"])
        figures = sorted(f"figures/{p.name}" for p in (staging / "figures").iterdir() if p.is_file())
        summary = {"notebooks": notebooks, "figures": figures, "metrics": metrics}
        (staging / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
        return summary

    def swap(self) -> None:
        """Replace out/ by the staging folder; keep what other tools put in out/ (screenshots)."""
        out, staging = self.out, self.staging
        for entry in out.iterdir() if out.exists() else []:
            if not (staging / entry.name).exists():
                shutil.move(str(entry), staging / entry.name)
        old = out.with_name(f".out-old-{os.getpid()}")
        if out.exists():
            out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)


def watch_parent(parent: int) -> None:
    """`deno task run` killed by SIGTERM does not pass it on: when the process that started
    this job goes away, the job stops as if it had been sent SIGTERM itself."""
    while os.getppid() == parent:
        time.sleep(0.25)
    os.kill(os.getpid(), signal.SIGTERM)


def main() -> int:
    parser = argparse.ArgumentParser(
        # usage and errors name the command the user ran (./denow exports DENOW as its name)
        prog=f"{os.environ.get('DENOW') or 'deno'} task run",
        description=__doc__.split("\n\n")[0],
        epilog="A failed or interrupted run leaves out/ as it was.",
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/")
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="default: out/")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell, at least 1 (600)")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE",
        help="override a variable of the notebooks' cells tagged parameters (repeatable), "
             "e.g. --param dataset=spiral --param hidden=[8,8]",
    )
    args = parser.parse_args()

    if args.timeout < 1:
        print(f"error: --timeout {args.timeout}: a cell needs at least 1 second", file=sys.stderr)
        return 2
    paths = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("error: no notebooks found in notebooks/", file=sys.stderr)
        return 1
    pairs, problems = parse_params(args.param)
    notebooks, parameters = [], []
    for path in paths:
        nb, problem = read_notebook(path)
        notebooks.append(nb)
        values = {}
        if problem:
            problems.append(problem)
        elif pairs:
            values, wrong = resolve_params(nb, pairs, shown(path))
            problems.extend(wrong)
        parameters.append(values)
    out = args.out.resolve()
    problem = check_out(out)
    if problem:
        problems.append(problem)
    if problems:
        print("\n".join(f"error: {p}" for p in problems) + "\nNothing was run.", file=sys.stderr)
        return 1

    out.parent.mkdir(parents=True, exist_ok=True)
    job = Job(out, args.timeout)

    job.take_signals()
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    try:
        before = job.prepare(partial=bool(args.notebooks))
        results = []
        for i, (path, nb, values) in enumerate(zip(paths, notebooks, parameters), start=1):
            job.check_stopped()
            if values:
                inject_params(nb, values)
            results.append(job.execute(path, nb, f"[{i}/{len(paths)}] {shown(path)}", values))
        job.check_stopped()
        failed = [r for r in results if r["errors"]]
        if failed:
            for r in failed:
                print(f"\nerror: {r['path']} failed:", file=sys.stderr)
                for e in r["errors"]:
                    print("  " + e.replace("\n", "\n  "), file=sys.stderr)
            print(f"\n{len(failed)} of {len(results)} notebooks failed; {out} was left as it was.",
                  file=sys.stderr)
            return 1
        summary = job.finish(results, before)
        job.check_stopped()
        signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)  # out/ is never half swapped
        try:
            job.swap()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
        total = sum(r["seconds"] for r in results)
        ran = f"{len(results)} notebook{'s' if len(results) != 1 else ''}"
        print(f"{ran} ran in {total:.1f} s; {len(summary['figures'])} figure files; results in {out}",
              file=sys.stderr)
        return 0
    except Stopped as stop:
        job.progress.clear()
        during = f" during {job.where}" if job.where else ""
        print(f"\nstopped by {stop}{during}; the kernel was shut down and {out} left as it was.",
              file=sys.stderr)
        return stop.code
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # cleaning up is not interrupted
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        shutil.rmtree(job.staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
