"""Drives the project's registered kernel over the Jupyter protocol, as a frontend does, and
prints what happened as JSON (one scenario per call): tests/kernel_test.ts asserts on it.

    .venv/bin/python tests/_helpers/kernel_client.py SCENARIO [KERNEL_NAME]

Every scenario records each iopub message's parent and whether it arrived before or after
its cell's `idle` status (what JupyterLab and nbclient drop), so a test can tell "every
output in its own cell, before idle" from "some output late or in the wrong cell".
"""

import json
import os
import signal
import sys
import time
from queue import Empty

import zmq
from jupyter_client.manager import start_new_kernel

KERNEL = sys.argv[2] if len(sys.argv) > 2 else "deno-activations"


class Session:
    def __init__(self) -> None:
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
        self.cells: dict[str, dict] = {}
        self.poller = zmq.Poller()
        self.poller.register(self.kc.shell_channel.socket, zmq.POLLIN)
        self.poller.register(self.kc.iopub_channel.socket, zmq.POLLIN)

    def cell(self, msg_id: str) -> dict:
        return self.cells.setdefault(msg_id, {
            "stdout": "", "stderr": "", "results": [], "errors": [], "displays": 0,
            "late": [], "reply": None, "idle": False, "reply_before_idle": None,
        })

    def send(self, code: str, **options) -> str:
        msg_id = self.kc.execute(code, **options)
        self.cell(msg_id)
        return msg_id

    def pump(self, until, timeout: float = 120.0) -> None:
        """Reads shell replies and iopub messages until `until()` or the timeout."""
        deadline = time.monotonic() + timeout
        while not until():
            if time.monotonic() > deadline:
                raise TimeoutError("the kernel did not finish in time")
            self._read(0.05)

    def settle(self, seconds: float) -> None:
        """Keeps reading for a while: anything arriving now is late."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self._read(0.05)

    def _read(self, timeout: float) -> None:
        """Waits up to `timeout` for a message on shell or iopub, then reads what came."""
        if not self.poller.poll(timeout * 1000):
            return
        try:
            while True:
                msg = self.kc.get_shell_msg(timeout=0)
                if msg["msg_type"] == "execute_reply":
                    c = self.cell(msg["parent_header"]["msg_id"])
                    c["reply"] = msg["content"]
                    c["reply_before_idle"] = not c["idle"]
        except Empty:
            pass
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=0)
            except Empty:
                return
            self._iopub(msg)

    def _iopub(self, msg: dict) -> None:
        parent = msg["parent_header"].get("msg_id")
        if parent not in self.cells:
            return
        c = self.cells[parent]
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status":
            if content["execution_state"] == "idle":
                c["idle"] = True
            return
        if kind == "execute_input":
            return
        if c["idle"]:
            c["late"].append(kind)
            return
        if kind == "stream":
            c[content["name"]] += content["text"]
        elif kind == "execute_result":
            c["results"].append(content["data"].get("text/plain"))
        elif kind == "error":
            c["errors"].append({k: content[k] for k in ("ename", "evalue", "traceback")})
        elif kind in ("display_data", "update_display_data"):
            c["displays"] += 1

    def done(self, *ids: str):
        return lambda: all(self.cells[i]["idle"] and self.cells[i]["reply"] is not None for i in ids)

    def run(self, code: str, **options) -> dict:
        msg_id = self.send(code, **options)
        self.pump(self.done(msg_id))
        return self.cells[msg_id]

    def processes(self) -> list[int]:
        """The kernel's process and its children."""
        pid = self.km.provisioner.process.pid
        children = []
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                children = [int(p) for p in f.read().split()]
        except OSError:
            pass
        return [pid, *children]

    def close(self) -> None:
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=True)


def alive(pids: list[int]) -> list[int]:
    out = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                if f.read().split(") ")[1].split()[0] != "Z":
                    out.append(pid)
        except OSError:
            pass
    return out


def summary(c: dict) -> dict:
    lines = c["stdout"].splitlines()
    return {**c, "stdout_lines": len(lines), "stdout": c["stdout"][-200:]}


def flood(s: Session) -> dict:
    """A cell printing 20,000 lines, a stderr line and a result, followed at once by another."""
    a = s.send("for (let i = 0; i < 20000; i++) console.log(`line ${i}`);\n"
               "console.error('to stderr');\n'first result'")
    b = s.send("'second result'")
    s.pump(s.done(a, b))
    s.settle(1.0)
    lines = s.cells[a]["stdout"].splitlines()
    in_order = lines == [f"line {i}" for i in range(20000)]
    return {"a": summary(s.cells[a]), "b": summary(s.cells[b]), "a_lines_in_order": in_order}


def results(s: Session, n: int = 100) -> dict:
    """n cells whose last expression is displayable, sent at once (as Run All does)."""
    ids = [s.send(f"({{ value: {i} }})") for i in range(n)]
    s.pump(s.done(*ids))
    s.settle(0.5)
    cells = [s.cells[i] for i in ids]
    return {
        "n": n,
        "own_result": sum(c["results"] == [f"{{ value: {i} }}"] for i, c in enumerate(cells)),
        "late": sum(len(c["late"]) for c in cells),
        "reply_before_idle": sum(bool(c["reply_before_idle"]) for c in cells),
    }


def run_all_error(s: Session) -> dict:
    """Run All on a notebook whose second cell throws; then the same without stop_on_error."""
    codes = ["1", "throw new Error('boom')", "console.log('ran'); 3", "4"]
    stop = [s.send(code) for code in codes]
    s.pump(s.done(*stop))
    go = [s.send(code, stop_on_error=False) for code in codes]
    s.pump(s.done(*go))
    s.settle(0.3)
    after = s.run("'still usable'")
    pick = lambda ids: [summary(s.cells[i]) for i in ids]  # noqa: E731
    return {"stop": pick(stop), "go": pick(go), "after": summary(after)}


def syntax(s: Session) -> dict:
    return {"cell": s.run("const a = 1;\nconst x = ;"), "after": s.run("1 + 1")}


def print_then_throw(s: Session) -> dict:
    """stdout before the error, in order, in the cell."""
    msg_id = s.send("console.log('before'); throw new Error('after printing')")
    order: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            msg = s.kc.get_iopub_msg(timeout=1)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        order.append(kind if kind != "status" else msg["content"]["execution_state"])
        if order[-1] == "idle":
            break
    return {"order": order}


def uncaught(s: Session) -> dict:
    """Errors thrown in a promise nobody awaited and in a timer that fires after the cell."""
    rejected = s.run("Promise.reject(new Error('nobody awaited me')); 'value'")
    timer = s.run("setTimeout(() => { throw new Error('tick') }, 100); 'set'")
    s.settle(0.6)
    next_cell = s.run("globalThis.ranAfterTimer = true; 2")
    check = s.run("globalThis.ranAfterTimer ?? false")
    again = s.run("3")
    return {"rejected": rejected, "timer": timer, "next": next_cell, "check": check, "again": again}


def interrupt(s: Session) -> dict:
    s.run("const keep = 42")
    busy = s.send("let n = 0; while (true) n++")
    time.sleep(1.0)
    s.km.interrupt_kernel()
    s.pump(s.done(busy), timeout=20)
    kept = s.run("keep + 1")
    proxy, *deno = s.processes()
    waiting = s.send("await new Promise(() => {})")
    queued = s.send("'queued behind it'")  # Run All: the next cell is already sent
    time.sleep(0.5)
    s.km.interrupt_kernel()
    s.pump(s.done(waiting, queued), timeout=30)
    deadline = time.monotonic() + 10
    while alive(deno) and time.monotonic() < deadline:
        time.sleep(0.1)
    after = s.run("typeof keep")  # a fresh Deno kernel behind the same connection
    return {
        "busy": summary(s.cells[busy]),
        "kept": kept,
        "waiting": summary(s.cells[waiting]),
        "queued": summary(s.cells[queued]),
        "proxy_alive": alive([proxy]) == [proxy],
        "old_deno_alive": alive(deno),
        "new_deno": [p for p in s.processes()[1:] if p not in deno],
        "after": after,
    }


def channels(s: Session) -> dict:
    kc = s.kc
    kc.kernel_info()
    info = kc.get_shell_msg(timeout=10)["content"]
    s.run("const answer = 41")
    kc.complete("Deno.ver", 8)
    complete = kc.get_shell_msg(timeout=10)["content"]
    kc.is_complete("function f() {")
    is_complete = kc.get_shell_msg(timeout=10)["content"]
    kc.inspect("answer", 6)
    inspect = kc.get_shell_msg(timeout=10)["content"]
    msg_id = s.send("prompt('Your name?')", allow_stdin=True)
    request = kc.get_stdin_msg(timeout=20)
    kc.input("Ada")
    s.pump(s.done(msg_id))
    return {
        "language": info.get("language_info", {}).get("name"),
        "complete": complete.get("matches"),
        "is_complete": is_complete.get("status"),
        "inspect": inspect.get("status"),
        "input_request": request["content"],
        "input_result": s.cells[msg_id]["results"],
    }


def shutdown(s: Session) -> dict:
    pids = s.processes()
    s.kc.stop_channels()
    s.km.shutdown_kernel(now=False)
    time.sleep(0.2)
    return {"processes": len(pids), "alive": alive(pids)}


def orphan(s: Session) -> dict:
    """The kernel's process killed outright: Deno's kernel goes with it."""
    pids = s.processes()
    os.kill(pids[0], signal.SIGKILL)
    deadline = time.monotonic() + 5
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return {"processes": len(pids), "alive": alive(pids)}


def overhead(s: Session, n: int = 200) -> dict:
    """Seconds from execute to idle for n trivial cells, one at a time."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        s.run("1")
        times.append(time.perf_counter() - start)
    return {"seconds": times}


def preload(s: Session) -> dict:
    """What the kernel loaded before any cell asked: after a pause, the heap, and the
    library imported by its file URL then (the same module the kernel preloaded)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    url = "file://" + os.path.join(root, "lib", "mod.ts")
    heap = s.run("await new Promise((r) => setTimeout(r, 5000)); Deno.memoryUsage().heapUsed")
    used = s.run(f'const lib = await import("{url}"); [...lib.activation("relu", [-1, 2]).y].join()')
    return {"heap": heap, "used": used}


SCENARIOS = {f.__name__: f for f in (
    flood, results, run_all_error, syntax, print_then_throw, uncaught, interrupt, channels,
    shutdown, orphan, overhead, preload,
)}

if __name__ == "__main__":
    scenario = SCENARIOS[sys.argv[1]]
    session = Session()
    try:
        result = scenario(session)
    finally:
        try:
            session.close()
        except Exception:
            pass
    print(json.dumps(result))
