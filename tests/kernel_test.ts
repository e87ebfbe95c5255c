// The project's kernel (Deno's kernel behind tasks/kernel_proxy.py) driven over the Jupyter
// protocol by jupyter_client, as JupyterLab and nbclient drive it: every output reaches its
// own cell before that cell's idle status, Run All stops at the first error, syntax errors
// carry the compiler's message, errors thrown later in callbacks fail a cell, interrupts
// keep the kernel's state, and no process outlives the kernel.
import assert from "node:assert/strict";
import { ROOT } from "./notebook_files.ts";

interface CellRecord {
  stdout: string;
  stderr: string;
  stdout_lines?: number;
  results: string[];
  errors: { ename: string; evalue: string; traceback: string[] }[];
  late: string[];
  reply: { status: string; ename?: string; evalue?: string; execution_count?: number | null };
  idle: boolean;
}

// deno-lint-ignore no-explicit-any
async function scenario(name: string, env: Record<string, string> = {}): Promise<any> {
  const { code, stdout, stderr } = await new Deno.Command(`${ROOT}/.venv/bin/python`, {
    args: [`${ROOT}/tests/_helpers/kernel_client.py`, name],
    cwd: ROOT,
    env,
  }).output();
  const text = new TextDecoder();
  assert.equal(code, 0, `${name}: ${text.decode(stderr).slice(-3000)}`);
  return JSON.parse(text.decode(stdout));
}

function ok(cell: CellRecord): void {
  assert.equal(cell.reply.status, "ok", JSON.stringify(cell.errors));
  assert.ok(cell.idle);
  assert.deepEqual(cell.late, [], "outputs arrived after the cell's idle");
}

Deno.test({
  name: "kernel: every output in its own cell, before idle",
  sanitizeResources: false,
  fn: async (t) => {
    await t.step(
      "20,000 lines, a stderr line and a result, followed at once by a cell",
      async () => {
        const { a, b, a_lines_in_order } = await scenario("flood");
        ok(a);
        ok(b);
        assert.equal(a.stdout_lines, 20000);
        assert.ok(a_lines_in_order, "lines out of order");
        assert.equal(a.stderr, "to stderr\n");
        assert.deepEqual(a.results, ['"first result"']);
        assert.deepEqual(b.results, ['"second result"']);
        assert.equal(b.stdout, "");
      },
    );

    await t.step("100 consecutive cells whose last expression is displayable", async () => {
      const { n, own_result, late } = await scenario("results");
      assert.equal(n, 100);
      assert.equal(own_result, 100);
      assert.equal(late, 0);
    });

    await t.step("printed output comes before the error that follows it", async () => {
      const { order } = await scenario("print_then_throw");
      assert.deepEqual(order, ["busy", "execute_input", "stream", "error", "idle"]);
    });
  },
});

Deno.test({
  name: "kernel: Run All stops at the first error",
  sanitizeResources: false,
  fn: async () => {
    const { stop, go, after } = await scenario("run_all_error");
    assert.deepEqual(stop.map((c: CellRecord) => c.reply.status), [
      "ok",
      "error",
      "aborted",
      "aborted",
    ]);
    assert.equal(stop[1].errors[0].evalue, "boom");
    for (const aborted of stop.slice(2)) {
      assert.equal(aborted.stdout, "", "an aborted cell ran");
      assert.deepEqual(aborted.results, []);
      assert.ok(aborted.idle);
    }
    // stop_on_error: false (a frontend's choice) runs the rest
    assert.deepEqual(go.map((c: CellRecord) => c.reply.status), ["ok", "error", "ok", "ok"]);
    assert.equal(go[2].stdout, "ran\n");
    ok(after);
    assert.deepEqual(after.results, ['"still usable"']);
  },
});

Deno.test({
  name: "kernel: a syntax error shows the compiler's message",
  sanitizeResources: false,
  fn: async () => {
    const { cell, after } = await scenario("syntax");
    assert.equal(cell.reply.status, "error");
    assert.equal(cell.reply.ename, "SyntaxError");
    assert.equal(cell.reply.evalue, "Expression expected (line 2, column 11)");
    assert.equal(cell.errors.length, 1);
    assert.ok(
      cell.errors[0].traceback.includes("2 | const x = ;"),
      cell.errors[0].traceback.join("\n"),
    );
    ok(after);
  },
});

Deno.test({
  name: "kernel: errors thrown in callbacks and un-awaited promises fail a cell",
  sanitizeResources: false,
  fn: async (t) => {
    const { rejected, timer, next: nextCell, check, again } = await scenario("uncaught");
    await t.step("a promise the cell rejected without awaiting it fails that cell", () => {
      assert.equal(rejected.reply.status, "error");
      assert.match(rejected.reply.evalue, /in a promise nobody awaited\): nobody awaited me/);
      assert.equal(rejected.errors.length, 1);
    });
    await t.step("a timer that throws after its cell ended fails the next cell, unrun", () => {
      assert.equal(timer.reply.status, "ok");
      assert.equal(nextCell.reply.status, "error");
      assert.match(nextCell.reply.evalue, /did not run: code started by cell \[\d+\] threw/);
      assert.match(nextCell.reply.evalue, /tick/);
      assert.deepEqual(check.results, ["false"], "the refused cell ran anyway");
      ok(again);
    });
  },
});

Deno.test({
  name: "kernel: interrupt stops running code and keeps the variables",
  sanitizeResources: false,
  fn: async () => {
    const { busy, kept, waiting, queued, proxy_alive, old_deno_alive, new_deno, after } =
      await scenario("interrupt");
    assert.equal(busy.reply.status, "error");
    assert.equal(busy.reply.ename, "Interrupted");
    ok(kept);
    assert.deepEqual(kept.results, ["43"]);
    // An awaited promise cannot be interrupted in Deno's REPL: the cell says so, the cell
    // queued behind it is aborted (Run All stops), and Deno's kernel is replaced behind the
    // same connection: the frontend's kernel lives on, without the variables.
    assert.equal(waiting.reply.status, "error");
    assert.match(waiting.reply.evalue, /restarted with no variables/);
    assert.equal(queued.reply.status, "aborted");
    assert.ok(proxy_alive, "the kernel the frontend started has exited");
    assert.deepEqual(old_deno_alive, []);
    assert.equal(new_deno.length, 1);
    ok(after);
    assert.deepEqual(after.results, ['"undefined"']);
  },
});

Deno.test({
  name: "kernel: completion, inspection, input and kernel info are forwarded",
  sanitizeResources: false,
  fn: async () => {
    const result = await scenario("channels");
    assert.equal(result.language, "typescript");
    assert.ok(result.complete.includes("version"), JSON.stringify(result.complete));
    assert.equal(result.is_complete, "incomplete");
    assert.equal(result.inspect, "ok");
    assert.equal(result.input_request.prompt, "Your name?");
    assert.deepEqual(result.input_result, ['"Ada"']);
  },
});

Deno.test({
  name: "kernel: no process outlives it",
  sanitizeResources: false,
  fn: async (t) => {
    await t.step("a shutdown request ends the proxy and Deno's kernel", async () => {
      const { processes, alive } = await scenario("shutdown");
      assert.equal(processes, 2);
      assert.deepEqual(alive, []);
    });
    await t.step("killing the proxy outright takes Deno's kernel with it", async () => {
      const { processes, alive } = await scenario("orphan");
      assert.equal(processes, 2);
      assert.deepEqual(alive, []);
    });
  },
});

Deno.test({
  name: "kernel: the library loads while the frontend connects, before any cell asks for it",
  sanitizeResources: false,
  fn: async () => {
    // the same first cells on a kernel that preloads (the default) and on one told not to
    const preloaded = await scenario("preload");
    const plain = await scenario("preload", { ACTIVATIONS_PRELOAD: "0" });
    for (const run of [preloaded, plain]) {
      ok(run.heap);
      ok(run.used);
      assert.deepEqual(run.used.results, ['"0,2"']); // relu(-1), relu(2): the module works
      assert.equal(run.used.stderr, ""); // nothing registered twice, nothing printed
    }
    // five seconds after start, before any import: TensorFlow.js, Plot, jsdom and the
    // library are in the heap of the preloading kernel only (about 64 MB here)
    const extra = Number(JSON.parse(preloaded.heap.results[0])) -
      Number(JSON.parse(plain.heap.results[0]));
    assert.ok(extra > 30e6, `the preloading kernel's heap is only ${extra} bytes larger`);
  },
});
