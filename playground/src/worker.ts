// The Python worker: loads Pyodide from the site, runs programs, checks their syntax,
// passes their output to the page (through the shared ring, or batched messages on a page
// that is not cross-origin isolated), and blocks on input() until the page answers
// (Atomics.wait on shared memory). Stop sets the interrupt buffer, which raises
// KeyboardInterrupt inside the running program.
/// <reference lib="webworker" />
import runnerSource from './runner.py?raw';
import {
  INPUT_ANSWERED,
  INPUT_WAITING,
  type FromWorker,
  type Outcome,
  type ToWorker,
} from './protocol';
import { RingWriter, type Stream } from './ring';

declare const self: DedicatedWorkerGlobalScope;
type Pyodide = Awaited<ReturnType<typeof import('pyodide').loadPyodide>>;

/** The wheel served beside Pyodide (its lockfile's version), unpacked on first use. */
const MICROPIP = 'micropip-0.11.1-py3-none-any.whl';

const post = (message: FromWorker) => self.postMessage(message);
let pyodide: Pyodide | undefined;
let indexURL = '';
let control: Int32Array | undefined;
let data: Uint8Array | undefined;
let interrupt: Uint8Array | undefined;
let ring: RingWriter | undefined;
let micropip = false;

/** Output without a ring, batched: a message per write would flood the page. */
const pending = { stdout: '', stderr: '' };
let lastFlush = 0;
function flush() {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (pending[stream]) post({ type: 'output', stream, text: pending[stream] });
    pending[stream] = '';
  }
  lastFlush = performance.now();
}
function writer(stream: Stream) {
  const decoder = new TextDecoder();
  return {
    write(buffer: Uint8Array) {
      if (ring) {
        ring.write(stream, buffer);
        return buffer.length;
      }
      pending[stream] += decoder.decode(buffer, { stream: true });
      if (pending[stream].length > 8192 || performance.now() - lastFlush > 40) flush();
      return buffer.length;
    },
  };
}

function readLine(): string | null {
  flush();
  if (!control || !data) return null; // runner.py's input() explains; this is sys.stdin
  Atomics.store(control, 0, INPUT_WAITING);
  post({ type: 'input' });
  Atomics.wait(control, 0, INPUT_WAITING);
  if (Atomics.load(control, 0) !== INPUT_ANSWERED) {
    // Stop: input() ends (EOFError, which the page reports as the stop it is) and the
    // interrupt is taken back, so no KeyboardInterrupt lands in the runner's own code.
    if (interrupt) interrupt[0] = 0;
    return null;
  }
  return new TextDecoder().decode(data.slice(0, control[1]));
}

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  indexURL = message.indexURL;
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as
    typeof import('pyodide');
  const py = await loadPyodide({ indexURL });
  py.setStdout(writer('stdout'));
  py.setStderr(writer('stderr'));
  py.setStdin({ stdin: readLine, isatty: false });
  if (message.shared) {
    interrupt = new Uint8Array(message.shared.interrupt);
    py.setInterruptBuffer(interrupt);
    control = new Int32Array(message.shared.control);
    data = new Uint8Array(message.shared.data);
    const stop = interrupt;
    ring = new RingWriter(message.shared.ring, () => stop[0] !== 0);
  }
  py.FS.writeFile('/home/pyodide/_phi_runner.py', runnerSource);
  py.runPython('import _phi_runner');
  pyodide = py;
  post({ type: 'ready', version: py.runPython('import sys; sys.version.split()[0]') as string });
}

async function loadMicropip(py: Pyodide) {
  if (micropip) return;
  const response = await fetch(`${indexURL}${MICROPIP}`);
  if (!response.ok) throw new Error(`${MICROPIP}: ${response.status} ${response.statusText}`);
  py.unpackArchive(await response.arrayBuffer(), 'wheel');
  micropip = true;
}

async function run(python: string) {
  const py = pyodide;
  if (!py) return;
  let outcome: Outcome;
  try {
    if (/\bmicropip\b/.test(python)) await loadMicropip(py);
    py.globals.set('_phi_source', python);
    py.globals.set('_phi_isolated', Boolean(control));
    const result = await py.runPythonAsync(
      'import _phi_runner\nawait _phi_runner.run(_phi_source, _phi_isolated)',
    );
    outcome = result.toJs({ dict_converter: Object.fromEntries }) as Outcome;
    result.destroy?.();
  } catch (error) {
    // Stop landing outside the program (in the runner itself) is still a stop.
    if (!String(error).includes('KeyboardInterrupt')) throw error;
    outcome = { stopped: true };
  } finally {
    flush();
    if (interrupt) interrupt[0] = 0;
  }
  post({ type: 'done', outcome });
}

function check(id: number, python: string) {
  const py = pyodide;
  if (!py) return;
  let problem = null;
  try {
    py.globals.set('_phi_source', python);
    const result = py.runPython('_phi_runner.check(_phi_source)');
    problem = result ? result.toJs({ dict_converter: Object.fromEntries }) : null;
    result?.destroy?.();
  } catch {
    // A program the compiler itself chokes on (too deeply nested): Run will tell.
  }
  post({ type: 'checked', id, problem });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const work =
    message.type === 'init'
      ? init(message)
      : message.type === 'run'
        ? run(message.python)
        : Promise.resolve().then(() => check(message.id, message.python));
  work.catch((error: unknown) => post({ type: 'fatal', message: String(error) }));
};
