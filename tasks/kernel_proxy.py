"""The project's Jupyter kernel: Deno's kernel behind a proxy that runs the notebook loop
the way ipykernel does.

    python kernel_proxy.py --deno /path/to/deno CONNECTION_FILE

The kernelspec that `deno task setup` writes starts this script. It binds the five
channels a frontend expects (shell, control, stdin, iopub, heartbeat), starts
`deno jupyter --kernel` on private ports of its own, and forwards every channel between the
two. On top of plain forwarding it

- runs one execute request at a time, and holds the cell's reply and `idle` status until
  every output the cell produced has reached the frontend, tagged with that cell;
- answers execute requests queued behind a failed cell `aborted` when the request asked for
  `stop_on_error` (Jupyter's default), so Run All stops at the first error;
- gives a syntax error the compiler's message instead of "Execution failed";
- turns an error thrown in a timer or a promise nobody awaited into an error of the cell
  that was running (or, when no cell was running, of the next cell, which then does not run);
- answers interrupts by message (`interrupt_mode: message`): Deno stops the running code and
  keeps its state (a signal would kill Deno's kernel); a cell that does not stop (it was
  awaiting, which Deno's REPL cannot interrupt) fails, and the proxy restarts Deno's kernel
  behind the same channels, so the frontend keeps its kernel;
- starts loading the project's library (lib/mod.ts) in the kernel as soon as Deno is up, without
  waiting for it (`ACTIVATIONS_PRELOAD=0` turns this off).

Why: Deno 2.9.6's kernel (cli/js/jupyter_kernel.js in Deno's source) evaluates code on a
REPL thread that pushes every output (stream, display, last-expression result) onto one
channel; a separate loop, `iopubDrainer`, takes them off and tags each with
`currentParentHeader`, the request that is current *when the message is sent*. The
`execute_reply` and the `idle` status bypass that channel. So a cell's outputs can arrive
after its `idle` (a frontend then drops them) or tagged with the next cell. And
`handleExecute` never aborts the requests queued behind a failing one, and replies
"Execution failed" with no message when the code does not parse. Minimal reproduction with
jupyter_client against `deno jupyter --kernel` (ready to report upstream):

    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name="deno")
    a = kc.execute("for (let i = 0; i < 20000; i++) console.log(i); 'done'")
    b = kc.execute("1 + 1")
    # Collect iopub until b's idle: a's `idle` arrives before most of its 20,000 lines;
    # the rest, and its result "done", arrive tagged with b's msg_id.
    c = kc.execute("throw new Error('x')"); d = kc.execute("2")  # d runs: nothing aborted
    e = kc.execute("const x = ;")  # reply: status error, evalue "Execution failed"

What makes the fix sound: the channel is first in, first out. Right behind each cell the
proxy sends a silent execute request that displays a marker through the same channel
(`await Deno.jupyter.display({<FLUSH_MIME>: id}, {raw: true})`). When the marker arrives,
everything the cell printed before it has been sent, and so has the report of any promise
the cell rejected without awaiting it (Deno notices those only after the cell's result is
queued, so the result itself is no proof). Outputs that Deno tagged with the marker's
request are re-tagged with the cell's. Only then does the frontend get the reply and
`idle`. The marker costs one small evaluation per cell (a few milliseconds: see
bench/kernel_overhead.ts).

The proxy signs what it changes or adds with the connection's key; Deno's kernel gets the
same key, so forwarded messages keep their signatures. Messages whose signature does not
verify are dropped, as Deno's kernel and ipykernel do.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import hmac
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import OrderedDict, deque
from datetime import datetime, timezone

import zmq

DELIMITER = b"<IDS|MSG>"
FLUSH_MIME = "application/x.deno-activations.flush"
# An interrupted cell that does not end within this many seconds was awaiting something: Deno's
# REPL never returns from an interrupted `await`, so the kernel must restart.
INTERRUPT_GRACE = 3.0
# Stream text is sent when this many characters are buffered, or after STREAM_DELAY seconds.
STREAM_CHUNK = 1 << 16
STREAM_DELAY = 0.05

# Installed once, silently, when the kernel starts: errors thrown in timers and promises
# nobody awaited are otherwise swallowed by Deno's REPL without a word. The report is one
# stderr line starting with UNCAUGHT_TAG (console.error is synchronous, so the line is
# queued before the cell's result), which the proxy takes out of the stream.
UNCAUGHT_TAG = "\u0000deno-activations-uncaught "
SETUP_CODE = """{
  const write = console.error.bind(console);
  const report = (kind, error) => {
    let name = "Error", message = "", stack = "";
    try {
      if (error instanceof Error) ({ name, message } = error), stack = String(error.stack ?? "");
      else message = Deno.inspect(error);
    } catch { message = "(an error that cannot be shown)"; }
    write("%s" + JSON.stringify({ kind, name, message, stack }));
  };
  globalThis.addEventListener("error", (event) => {
    event.preventDefault();
    report("error", event.error);
  });
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    report("rejection", event.reason);
  });
}""" % UNCAUGHT_TAG.replace("\u0000", "\\u0000")


def log(message: str) -> None:
    """One line on the kernel's stderr (JupyterLab's server log, the main job's kernel log)."""
    print(f"kernel-proxy: {message}", file=sys.stderr, flush=True)


PARENT_IDS: dict[bytes, str] = {}  # a parent header's bytes -> its msg_id


class Message:
    """A Jupyter wire message, kept as its raw frames; JSON parts are parsed on demand."""

    __slots__ = ("idents", "frames", "_header", "_parent", "_content")

    def __init__(self, frames: list[bytes]):
        i = frames.index(DELIMITER)
        self.idents = frames[:i]
        self.frames = frames[i:]  # delimiter, signature, header, parent, metadata, content, buffers
        self._header = self._parent = self._content = None

    @property
    def signature(self) -> bytes:
        return self.frames[1]

    @property
    def signed(self) -> list[bytes]:
        return self.frames[2:6]

    @property
    def header(self) -> dict:
        if self._header is None:
            self._header = json.loads(self.frames[2])
        return self._header

    @property
    def parent(self) -> dict:
        if self._parent is None:
            self._parent = json.loads(self.frames[3])
        return self._parent

    @property
    def content(self) -> dict:
        if self._content is None:
            self._content = json.loads(self.frames[5])
        return self._content

    @property
    def msg_type(self) -> str:
        return self.header.get("msg_type", "")

    @property
    def msg_id(self) -> str:
        return self.header.get("msg_id", "")

    @property
    def parent_id(self) -> str | None:
        raw = self.frames[3]
        known = PARENT_IDS.get(raw)
        if known is None:  # a chatty cell sends thousands of messages with one parent
            if len(PARENT_IDS) > 512:
                PARENT_IDS.clear()
            known = PARENT_IDS[raw] = self.parent.get("msg_id") or ""
        return known or None

    @property
    def header_bytes(self) -> bytes:
        return self.frames[2]


class Signer:
    """Signs and builds messages with the connection's key (HMAC, as jupyter_client does)."""

    def __init__(self, key: bytes, scheme: str):
        algorithm = scheme.split("-", 1)[1] if scheme.startswith("hmac-") else "sha256"
        self.key = key
        self.digest = getattr(hashlib, algorithm)
        self.session = uuid.uuid4().hex

    def sign(self, parts: list[bytes]) -> bytes:
        if not self.key:
            return b""
        mac = hmac.new(self.key, digestmod=self.digest)
        for part in parts:
            mac.update(part)
        return mac.hexdigest().encode()

    def verify(self, message: Message) -> bool:
        return not self.key or hmac.compare_digest(self.sign(message.signed), message.signature)

    def resign(self, message: Message, *, parent: bytes | None = None, content: dict | None = None) -> list[bytes]:
        """The message's frames with a new parent header and/or content, signed again."""
        header, old_parent, metadata, old_content = message.signed
        parts = [
            header,
            old_parent if parent is None else parent,
            metadata,
            old_content if content is None else json.dumps(content).encode(),
        ]
        return [DELIMITER, self.sign(parts), *parts, *message.frames[6:]]

    def build(self, msg_type: str, content: dict, parent: bytes = b"{}") -> list[bytes]:
        """A new message from this kernel, child of the request whose raw header is `parent`."""
        header = {
            "msg_id": uuid.uuid4().hex,
            "session": self.session,
            "username": "kernel",
            "date": datetime.now(timezone.utc).isoformat(),
            "msg_type": msg_type,
            "version": "5.3",
        }
        parts = [json.dumps(header).encode(), parent, b"{}", json.dumps(content).encode()]
        return [DELIMITER, self.sign(parts), *parts]


class Cell:
    """The execute request the proxy is running."""

    def __init__(self, request: Message, marker: str):
        self.request = request
        self.marker = marker
        self.reply: Message | None = None
        self.flushed = False
        self.errors: list[Message] = []  # Deno publishes `error` directly: held until flushed
        self.uncaught: dict | None = None  # an error thrown in a callback while the cell ran
        self.interrupted_at: float | None = None  # when an interrupt was sent to Deno
        self.reply_content: dict | None = None  # what the frontend was told

    @property
    def parent(self) -> bytes:
        return self.request.header_bytes


def syntax_error(deno: str, code: str) -> tuple[str, list[str]] | None:
    """The compiler's message for code that does not parse (from `deno fmt`), if any."""
    try:
        result = subprocess.run(
            [deno, "fmt", "--ext=ts", "-"],
            input=code.encode(),
            capture_output=True,
            cwd=tempfile.gettempdir(),
            env={**os.environ, "NO_COLOR": "1", "RUST_BACKTRACE": "0"},
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode == 0:
        return None
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stderr.decode(errors="replace"))
    text = text.split("\nStack backtrace:")[0].strip()
    text = re.sub(r"^error: ", "", text)
    lines = [re.sub(r"at file://\S*_stdin\.ts:(\d+):(\d+)", r"at line \1, column \2 of the cell", line) for line in text.splitlines()]
    where = re.search(r"_stdin\.ts:(\d+):(\d+)", text)
    first = lines[0] if lines else "SyntaxError"
    message = re.sub(r"^SyntaxError: ", "", first)
    if where:
        message += f" (line {where.group(1)}, column {where.group(2)})"
    return message, lines


def free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def die_with_parent() -> None:
    """In the child before exec: Linux kills it when the proxy dies, even by SIGKILL."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Proxy:
    def __init__(self, connection: dict, deno: str):
        self.deno = deno
        key = connection.get("key", "")
        self.key = key.encode() if isinstance(key, str) else key
        self.scheme = connection.get("signature_scheme", "hmac-sha256")
        self.signer = Signer(self.key, self.scheme)
        self.context = zmq.Context()
        self.outer = self._bind(connection)
        self.queue: deque[Message] = deque()  # execute requests waiting for their turn
        self.cell: Cell | None = None
        self.routes: dict[str, list[bytes]] = {}  # request msg_id -> the frontend's identities
        self.markers: OrderedDict[str, Cell] = OrderedDict()  # marker msg_id -> its cell
        self.internal: set[str] = set()  # requests the proxy itself sent
        self.last_cell: Cell | None = None
        self.pending_uncaught: tuple[dict, Cell | None] | None = None
        self.stopping = False
        self.interrupt_signalled = False
        self.buffered: tuple[bytes, str, list[str], float] | None = None  # stream text not yet sent
        self.child: subprocess.Popen | None = None
        self.restarted = False  # Deno's kernel was replaced: the loop polls the new sockets
        self.parent_pid = os.getppid()

    # --- sockets ------------------------------------------------------------------

    def _bind(self, c: dict) -> dict[str, zmq.Socket]:
        transport, ip = c.get("transport", "tcp"), c.get("ip", "127.0.0.1")

        def address(port: int) -> str:
            return f"{transport}://{ip}:{port}" if transport == "tcp" else f"{transport}://{ip}-{port}"

        sockets = {}
        for name, kind in (("shell", zmq.ROUTER), ("control", zmq.ROUTER), ("stdin", zmq.ROUTER), ("iopub", zmq.PUB)):
            s = self.context.socket(kind)
            s.linger = 1000
            s.sndhwm = 0  # never drop an output, however fast a cell prints
            s.bind(address(c[f"{name}_port"]))
            sockets[name] = s
        threading.Thread(target=self._heartbeat, args=(address(c["hb_port"]),), daemon=True).start()
        return sockets

    def _heartbeat(self, address: str) -> None:
        hb = self.context.socket(zmq.REP)
        hb.linger = 0
        hb.bind(address)
        try:
            zmq.proxy(hb, hb)
        except zmq.ContextTerminated:
            hb.close(linger=0)

    def start_deno(self) -> None:
        ports = free_ports(5)
        self.inner_conn = {
            "ip": "127.0.0.1",
            "transport": "tcp",
            "shell_port": ports[0],
            "control_port": ports[1],
            "stdin_port": ports[2],
            "iopub_port": ports[3],
            "hb_port": ports[4],
            "key": self.key.decode(),
            "signature_scheme": self.scheme,
            "kernel_name": "deno",
        }
        fd, self.inner_file = tempfile.mkstemp(prefix="deno-kernel-", suffix=".json")
        with os.fdopen(fd, "w") as f:  # mkstemp: readable by this user only (it holds the key)
            json.dump(self.inner_conn, f)
        self.child = subprocess.Popen(
            [self.deno, "jupyter", "--kernel", "--conn", self.inner_file],
            preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
        )
        self.inner = {}
        for name, kind in (("shell", zmq.DEALER), ("control", zmq.DEALER), ("stdin", zmq.DEALER), ("iopub", zmq.SUB)):
            s = self.context.socket(kind)
            s.linger = 0
            if kind == zmq.SUB:
                s.rcvhwm = 0
                s.setsockopt(zmq.SUBSCRIBE, b"")
            s.connect(f"tcp://127.0.0.1:{self.inner_conn[f'{name}_port']}")
            self.inner[name] = s

    def _internal_request(self, socket_name: str, msg_type: str, content: dict) -> str:
        frames = self.signer.build(msg_type, content)
        msg_id = json.loads(frames[2])["msg_id"]
        self.internal.add(msg_id)
        self.inner[socket_name].send_multipart(frames)
        return msg_id

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        """Until Deno answers on shell and publishes on iopub, then installs SETUP_CODE."""
        deadline = time.monotonic() + timeout
        replied = published = False
        poller = zmq.Poller()
        poller.register(self.inner["shell"], zmq.POLLIN)
        poller.register(self.inner["iopub"], zmq.POLLIN)
        next_probe = 0.0
        while not (replied and published):
            if time.monotonic() > deadline or self.child.poll() is not None:
                log("Deno's kernel did not start" + (f" (exit code {self.child.returncode})" if self.child.poll() is not None else ""))
                self.shutdown(1)
            if time.monotonic() >= next_probe:  # iopub subscriptions take a moment: ask again
                self._internal_request("shell", "kernel_info_request", {})
                next_probe = time.monotonic() + 0.5
            for sock, _ in poller.poll(100):
                msg = Message(sock.recv_multipart())
                if sock is self.inner["shell"] and msg.parent_id in self.internal:
                    replied = True
                elif sock is self.inner["iopub"] and msg.parent_id in self.internal:
                    published = True
        setup = self._internal_request("shell", "execute_request", {
            "code": SETUP_CODE, "silent": True, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": False,
        })
        while True:
            if time.monotonic() > deadline or self.child.poll() is not None:
                log("Deno's kernel did not run its set-up code")
                self.shutdown(1)
            if self.inner["shell"].poll(100):
                msg = Message(self.inner["shell"].recv_multipart())
                if msg.parent_id == setup:
                    if msg.content.get("status") != "ok":
                        log(f"set-up code failed: {msg.content.get('evalue')}")
                    break
        self.preload()

    def preload(self) -> None:
        """Starts loading the project's library (lib/mod.ts) in the kernel, not waiting.

        While the frontend finishes connecting (jupyter_client waits for iopub to be quiet
        for 0.2 s) and the user reads the first cells, Deno loads the modules, TensorFlow.js
        and its WebAssembly backend; the notebook's own `import ... from "../lib/mod.ts"`
        (the same file, so the same module) then finds them loaded or loading. Nothing is
        printed: a library that fails to load fails in the notebook's import instead, with
        its message.
        """
        library = pathlib.Path(__file__).resolve().parent.parent / "lib" / "mod.ts"
        if not library.is_file() or os.environ.get("ACTIVATIONS_PRELOAD") == "0":
            return
        self._internal_request("shell", "execute_request", {
            "code": f"void import({json.dumps(library.as_uri())}).catch(() => {{}});",
            "silent": True, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": False,
        })

    # --- the loop -----------------------------------------------------------------

    def run(self) -> None:
        while True:  # once per Deno kernel: a restart in place gives new inner sockets
            self.restarted = False
            self.serve()

    def serve(self) -> None:
        poller = zmq.Poller()
        handlers = {}
        for name, handler in (
            ("shell", self.on_outer_shell),
            ("control", self.on_outer_control),
            ("stdin", self.on_outer_stdin),
        ):
            poller.register(self.outer[name], zmq.POLLIN)
            handlers[self.outer[name]] = handler
        for name, handler in (
            ("shell", self.on_inner_shell),
            ("control", self.on_inner_control),
            ("stdin", self.on_inner_stdin),
            ("iopub", self.on_inner_iopub),
        ):
            poller.register(self.inner[name], zmq.POLLIN)
            handlers[self.inner[name]] = handler
        checked = 0.0
        while not self.restarted:
            for sock, _ in poller.poll(20 if self.buffered else 200):
                handle = handlers[sock]
                for _ in range(1000):  # what is queued, in one go (a chatty cell sends a lot)
                    try:
                        frames = sock.recv_multipart(zmq.NOBLOCK)
                    except zmq.Again:
                        break
                    try:
                        handle(Message(frames))
                    except (ValueError, KeyError, json.JSONDecodeError) as e:  # not a Jupyter message
                        log(f"dropped a malformed message: {e!r}")
            now = time.monotonic()
            if self.buffered is not None and now - self.buffered[3] > STREAM_DELAY:
                self.flush_stream()
            if self.interrupt_signalled:
                self.interrupt_signalled = False
                if self.cell is not None:
                    self.cell.interrupted_at = now
                self._internal_request("control", "interrupt_request", {})
            cell = self.cell
            if cell and cell.interrupted_at and now - cell.interrupted_at > INTERRUPT_GRACE:
                self.on_stuck_interrupt(cell)
            if now - checked > 0.1:
                checked = now
                if os.getppid() != self.parent_pid:  # the frontend's server is gone
                    log("the process that started the kernel has exited; stopping")
                    self.shutdown(1)
                code = self.child.poll()
                if code is not None:
                    self.on_deno_exit(code)

    # frontend -> Deno

    def on_outer_shell(self, msg: Message) -> None:
        if not self.signer.verify(msg):
            log("dropped a shell message with a bad signature")
            return
        if msg.msg_type == "execute_request":
            self.queue.append(msg)
            self.advance()
        else:
            self.routes[msg.msg_id] = msg.idents
            self.inner["shell"].send_multipart(msg.frames)

    def on_outer_control(self, msg: Message) -> None:
        if not self.signer.verify(msg):
            log("dropped a control message with a bad signature")
            return
        self.routes[msg.msg_id] = msg.idents
        if msg.msg_type == "shutdown_request":
            self.stopping = True
        elif msg.msg_type == "interrupt_request" and self.cell is not None:
            self.cell.interrupted_at = time.monotonic()
        self.inner["control"].send_multipart(msg.frames)

    def on_outer_stdin(self, msg: Message) -> None:
        self.inner["stdin"].send_multipart(msg.frames)

    # Deno -> frontend

    def on_inner_shell(self, msg: Message) -> None:
        parent = msg.parent_id
        cell = self.cell
        if cell and parent == cell.request.msg_id:
            cell.reply = msg
            self.maybe_finish()
        elif parent in self.markers:
            if msg.content.get("status") != "ok" and not self.markers[parent].flushed:
                # The marker was interrupted before it displayed: send another one.
                self.send_marker(self.markers[parent])
        elif parent in self.internal:
            pass
        else:
            idents = self.routes.pop(parent, None)
            if idents is not None:
                self.outer["shell"].send_multipart(idents + msg.frames)

    def on_inner_control(self, msg: Message) -> None:
        idents = self.routes.pop(msg.parent_id, None)
        if idents is not None:
            self.outer["control"].send_multipart(idents + msg.frames)
        if msg.msg_type == "shutdown_reply":
            try:
                self.child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.shutdown(0)

    def on_inner_stdin(self, msg: Message) -> None:
        if self.cell:  # input_request: to the frontend that sent the running cell
            self.outer["stdin"].send_multipart(self.cell.request.idents + msg.frames)

    def on_inner_iopub(self, msg: Message) -> None:
        parent = msg.parent_id
        kind = msg.msg_type
        if parent in self.internal:
            return
        cell = self.markers.get(parent)
        if cell is not None:  # tagged with a marker request: it belongs to the marker's cell
            if kind in ("status", "execute_input"):
                return
            if kind == "display_data":
                data = msg.content.get("data", {})
                if data.get(FLUSH_MIME) == cell.marker:
                    cell.flushed = True
                    self.maybe_finish()
                    return
            if kind == "stream":
                self.stream(cell.parent, msg.content, cell)
            else:
                self.publish(self.signer.resign(msg, parent=cell.parent))
            return
        current = self.cell
        if current and parent == current.request.msg_id:
            if kind == "status" and msg.content.get("execution_state") == "idle":
                return  # sent by the proxy once the cell's outputs are through
            if kind == "error":
                current.errors.append(msg)
                return
        if kind == "stream":
            self.stream(msg.frames[3], msg.content, current)
        else:
            self.publish(msg.frames)

    # --- iopub out ----------------------------------------------------------------

    def publish(self, frames: list[bytes]) -> None:
        """Sends on iopub, after any stream text still buffered (order is kept)."""
        if self.buffered is not None:
            self.flush_stream()
        self.outer["iopub"].send_multipart(frames)

    def stream(self, parent: bytes, content: dict, cell: Cell | None) -> None:
        """Buffers stream text and sends it in chunks, as ipykernel does: a cell printing
        20,000 lines sends a handful of messages, not 20,000 (which would overflow a
        frontend's queue and lose lines). Takes out the reports of uncaught errors."""
        name, text = content.get("name", "stdout"), content.get("text", "")
        if name == "stderr" and UNCAUGHT_TAG in text:
            kept = []
            for line in text.splitlines(keepends=True):
                if line.startswith(UNCAUGHT_TAG):
                    try:
                        self.on_uncaught(json.loads(line[len(UNCAUGHT_TAG):]), cell)
                    except json.JSONDecodeError:
                        kept.append(line)
                else:
                    kept.append(line)
            text = "".join(kept)
            if not text:
                return
        held = self.buffered
        if held is not None and (held[0] != parent or held[1] != name):
            self.flush_stream()
            held = None
        if held is None:
            self.buffered = (parent, name, [text], time.monotonic())
        else:
            held[2].append(text)
            if sum(map(len, held[2])) > STREAM_CHUNK:
                self.flush_stream()

    def flush_stream(self) -> None:
        parent, name, texts, _ = self.buffered
        self.buffered = None
        frames = self.signer.build("stream", {"name": name, "text": "".join(texts)}, parent)
        self.outer["iopub"].send_multipart(frames)

    # --- cells --------------------------------------------------------------------

    def advance(self) -> None:
        """Starts the next queued execute request when none is running."""
        if self.cell is not None or not self.queue:
            return
        request = self.queue.popleft()
        if self.pending_uncaught is not None:
            error, origin = self.pending_uncaught
            self.pending_uncaught = None
            count = self._count(origin)
            where = f"cell [{count}]" if count is not None else "an earlier cell"
            self.refuse(request, error, f"This cell did not run: code started by {where} threw after that cell had finished")
            return self.advance()
        cell = Cell(request, uuid.uuid4().hex)
        self.cell = cell
        self.inner["shell"].send_multipart(request.frames)
        self.send_marker(cell)  # Deno runs it right after the cell: no round trip in between

    def send_marker(self, cell: Cell) -> None:
        code = f'await Deno.jupyter.display({{ "{FLUSH_MIME}": "{cell.marker}" }}, {{ raw: true }})'
        frames = self.signer.build("execute_request", {
            "code": code, "silent": True, "store_history": False,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": False,
        })
        self.markers[json.loads(frames[2])["msg_id"]] = cell
        while len(self.markers) > 256:
            self.markers.popitem(last=False)
        self.inner["shell"].send_multipart(frames)

    def maybe_finish(self) -> None:
        cell = self.cell
        if cell is None or cell.reply is None or not cell.flushed:
            return
        reply = cell.reply
        content = dict(reply.content)
        if self.buffered is not None:
            self.flush_stream()
        for error in cell.errors:
            self.publish(error.frames)
        if content.get("status") == "error" and not cell.errors:
            content.update(self.explain_failure(cell, content))
        if cell.uncaught is not None and content.get("status") == "ok":
            content = {**content, **self.error_content(cell.uncaught, "Uncaught")}
            content["status"] = "error"
            self.publish(self.signer.build("error", self.error_fields(content), cell.parent))
        aborting = content.get("status") == "error" and cell.request.content.get("stop_on_error", True)
        if aborting:  # what was sent before the reply is queued behind the error; later, not
            self.collect_queued()
        self.outer["shell"].send_multipart(cell.request.idents + self.signer.resign(reply, content=content))
        self.publish(self.signer.build("status", {"execution_state": "idle"}, cell.parent))
        self.cell = None
        self.last_cell = cell
        cell.reply_content = content
        if aborting:
            self.abort_queued()
        self.advance()

    def explain_failure(self, cell: Cell, content: dict) -> dict:
        """An error reply with no `error` output: Deno could not compile the code."""
        code = cell.request.content.get("code", "")
        found = None if cell.interrupted_at else syntax_error(self.deno, code)
        if cell.interrupted_at:
            fields = {"ename": "Interrupted", "evalue": "Interrupted (Kernel > Interrupt)", "traceback": []}
        elif found is None:
            fields = {"ename": "Error", "evalue": "Execution failed (Deno's kernel gave no reason)", "traceback": []}
        else:
            message, lines = found
            fields = {"ename": "SyntaxError", "evalue": message, "traceback": lines}
        self.publish(self.signer.build("error", fields, cell.parent))
        return fields

    @staticmethod
    def error_fields(content: dict) -> dict:
        return {k: content[k] for k in ("ename", "evalue", "traceback")}

    @staticmethod
    def error_content(error: dict, prefix: str) -> dict:
        kind = "in a promise nobody awaited" if error.get("kind") == "rejection" else "in a callback"
        name = error.get("name") or "Error"
        message = error.get("message") or ""
        stack = [line for line in str(error.get("stack") or "").splitlines()]
        return {
            "ename": name,
            "evalue": f"{prefix} ({kind}): {message}",
            "traceback": [f"{name}: {prefix} ({kind}): {message}", *stack[1:]],
        }

    def on_uncaught(self, error: dict, cell: Cell | None) -> None:
        running = self.cell
        if running is not None and (cell is None or cell is running) and not running.flushed:
            if running.uncaught is None:
                running.uncaught = error
            return
        # No cell of its own is running: tell whoever listens now, fail the next cell.
        origin = cell or self.last_cell
        summary = self.error_content(error, "Uncaught")
        log(f"uncaught error after cell [{self._count(origin)}]: {summary['evalue']}")
        parent = origin.parent if origin else b"{}"
        text = "\n".join(summary["traceback"]) + "\n"
        self.publish(self.signer.build("stream", {"name": "stderr", "text": text}, parent))
        if self.pending_uncaught is None:
            self.pending_uncaught = (error, origin)

    @staticmethod
    def _count(cell: Cell | None) -> int | None:
        content = cell.reply_content if cell else None
        return content.get("execution_count") if content else None

    def refuse(self, request: Message, error: dict, prefix: str) -> None:
        """Answers an execute request with an error without running it."""
        parent = request.header_bytes
        aborting = request.content.get("stop_on_error", True)
        if aborting:
            self.collect_queued()
        self.publish(self.signer.build("status", {"execution_state": "busy"}, parent))
        fields = self.error_content(error, prefix)
        self.publish(self.signer.build("error", fields, parent))
        reply = {"status": "error", "execution_count": None, **fields}
        self.outer["shell"].send_multipart(request.idents + self.signer.build("execute_reply", reply, parent))
        self.publish(self.signer.build("status", {"execution_state": "idle"}, parent))
        if aborting:
            self.abort_queued()

    def collect_queued(self) -> None:
        """Before an error's reply: every execute request the frontend sent so far is queued.

        Taken before the reply leaves, so that a request the frontend sends after seeing the
        error (a new Run) is never mistaken for one queued behind it, however the processes
        are scheduled.
        """
        while True:
            try:
                msg = Message(self.outer["shell"].recv_multipart(zmq.NOBLOCK))
            except zmq.Again:
                break
            if msg.msg_type != "execute_request":
                self.on_outer_shell(msg)
            elif self.signer.verify(msg):
                self.queue.append(msg)

    def abort_queued(self) -> None:
        """After an error: every execute request queued behind it is answered `aborted`."""
        while self.queue:
            request = self.queue.popleft()
            parent = request.header_bytes
            self.publish(self.signer.build("status", {"execution_state": "busy"}, parent))
            self.outer["shell"].send_multipart(
                request.idents + self.signer.build("execute_reply", {"status": "aborted"}, parent)
            )
            self.publish(self.signer.build("status", {"execution_state": "idle"}, parent))

    # --- ending -------------------------------------------------------------------

    def on_deno_exit(self, code: int) -> None:
        if self.stopping:  # forward the shutdown reply if it is still on its way
            if self.inner["control"].poll(500):
                self.on_inner_control(Message(self.inner["control"].recv_multipart()))
        else:
            log(f"Deno's kernel exited with code {code}")
            self.fail_running_cell("KernelDied", f"Deno's kernel exited (code {code}) while this cell ran; it restarts with no variables: run the cells above again.")
        self.shutdown(code if code > 0 else 1)

    def on_stuck_interrupt(self, cell: Cell) -> None:
        log("an interrupted cell did not stop (it was awaiting); restarting Deno's kernel in place")
        self.collect_queued()  # Run All stops here, as after any error
        self.fail_running_cell(
            "Interrupted",
            "Interrupted while awaiting. Deno's kernel cannot stop awaited code and carry on, so it "
            "restarted with no variables: run the cells above again.",
        )
        self.abort_queued()
        self.restart_deno()

    def restart_deno(self) -> None:
        """A fresh Deno kernel behind the same channels: the frontend keeps its connection
        and its kernel (no "kernel died" notice); only the variables are gone."""
        if self.buffered is not None:
            self.flush_stream()
        child = self.child
        if child is not None and child.poll() is None:
            child.kill()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        for sock in self.inner.values():
            sock.close(linger=0)
        try:
            os.unlink(self.inner_file)
        except OSError:
            pass
        # requests the old kernel will never answer, and its markers
        self.routes.clear()
        self.markers.clear()
        self.internal.clear()
        self.pending_uncaught = None
        self.start_deno()
        self.wait_until_ready()
        self.restarted = True

    def fail_running_cell(self, name: str, message: str) -> None:
        """Tells the frontend the running cell failed (before the kernel goes away)."""
        cell = self.cell
        if cell is None:
            return
        fields = {"ename": name, "evalue": message, "traceback": [f"{name}: {message}"]}
        self.publish(self.signer.build("error", fields, cell.parent))
        reply = {"status": "error", "execution_count": None, **fields}
        self.outer["shell"].send_multipart(cell.request.idents + self.signer.build("execute_reply", reply, cell.parent))
        self.publish(self.signer.build("status", {"execution_state": "idle"}, cell.parent))
        self.cell = None

    def interrupt(self, *_args) -> None:
        """SIGINT (a frontend that interrupts by signal): the loop sends Deno an interrupt."""
        self.interrupt_signalled = True

    def shutdown(self, code: int) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.child.kill()
        try:
            os.unlink(self.inner_file)
        except (AttributeError, OSError):
            pass
        if self.buffered is not None:
            self.flush_stream()
        for sock in getattr(self, "inner", {}).values():
            sock.close(linger=0)
        for sock in self.outer.values():
            sock.close(linger=1000)  # what the frontend was last told still goes out
        self.context.term()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deno", required=True, help="the deno executable")
    parser.add_argument("connection_file")
    args = parser.parse_args()
    with open(args.connection_file) as f:
        connection = json.load(f)
    proxy = Proxy(connection, args.deno)
    signal.signal(signal.SIGTERM, lambda *_: proxy.shutdown(143))
    signal.signal(signal.SIGHUP, lambda *_: proxy.shutdown(129))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    proxy.start_deno()
    proxy.wait_until_ready()
    signal.signal(signal.SIGINT, proxy.interrupt)
    proxy.run()


if __name__ == "__main__":
    main()
