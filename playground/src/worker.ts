// The Python worker: loads Pyodide from the site, runs programs, streams their output, and
// blocks on input() until the page answers (Atomics.wait on shared memory). Stop sets the
// interrupt buffer, which raises KeyboardInterrupt inside the running program.
/// <reference lib="webworker" />
import runnerSource from './runner.py?raw';
import {
  INPUT_ANSWERED,
  INPUT_WAITING,
  type FromWorker,
  type ToWorker,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;
type Pyodide = Awaited<ReturnType<typeof import('pyodide').loadPyodide>>;

const post = (message: FromWorker) => self.postMessage(message);
let pyodide: Pyodide | undefined;
let control: Int32Array | undefined;
let data: Uint8Array | undefined;

/** Output, batched: posting every write would flood the page on a printing loop. */
const pending = { stdout: '', stderr: '' };
let lastFlush = 0;
function flush() {
  for (const stream of ['stdout', 'stderr'] as const) {
    if (pending[stream]) post({ type: 'output', stream, text: pending[stream] });
    pending[stream] = '';
  }
  lastFlush = performance.now();
}
function writer(stream: 'stdout' | 'stderr') {
  const decoder = new TextDecoder();
  return {
    write(buffer: Uint8Array) {
      pending[stream] += decoder.decode(buffer, { stream: true });
      if (pending[stream].length > 8192 || performance.now() - lastFlush > 40) flush();
      return buffer.length;
    },
  };
}

function readLine(): string | null {
  flush();
  if (!control || !data) {
    throw new Error('input() needs a cross-origin isolated page (COOP/COEP headers)');
  }
  Atomics.store(control, 0, INPUT_WAITING);
  post({ type: 'input' });
  Atomics.wait(control, 0, INPUT_WAITING);
  if (Atomics.load(control, 0) !== INPUT_ANSWERED) return null;
  return new TextDecoder().decode(data.slice(0, control[1]));
}

async function init(message: Extract<ToWorker, { type: 'init' }>) {
  const { loadPyodide } = (await import(/* @vite-ignore */ `${message.indexURL}pyodide.mjs`)) as
    typeof import('pyodide');
  pyodide = await loadPyodide({ indexURL: message.indexURL });
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  pyodide.setStdin({ stdin: readLine, isatty: false });
  if (message.shared) {
    pyodide.setInterruptBuffer(new Uint8Array(message.shared.interrupt));
    control = new Int32Array(message.shared.control);
    data = new Uint8Array(message.shared.data);
  }
  pyodide.FS.writeFile('/home/pyodide/_phi_runner.py', runnerSource);
  post({ type: 'ready', version: pyodide.version });
}

async function run(python: string) {
  const py = pyodide;
  if (!py) return;
  py.globals.set('_phi_source', python);
  const result = await py.runPythonAsync('import _phi_runner\nawait _phi_runner.run(_phi_source)');
  flush();
  const failure = result ? result.toJs({ dict_converter: Object.fromEntries }) : null;
  result?.destroy?.();
  post({ type: 'done', failure });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const work = message.type === 'init' ? init(message) : run(message.python);
  work.catch((error: unknown) => post({ type: 'fatal', message: String(error) }));
};
