// The page's side of the Python worker: start it, run a program, answer input(), and Stop.
// Stop first raises KeyboardInterrupt through the interrupt buffer; if the program has not
// ended a moment later (or the page is not cross-origin isolated), the worker is
// terminated and a fresh one started, so Stop always stops.
import {
  INPUT_ANSWERED,
  INPUT_CANCELLED,
  type FromWorker,
  type RunFailure,
  type ToWorker,
} from './protocol';

export interface RunnerEvents {
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** The program waits in input(); call `answer()` (or Stop). */
  input(): void;
  status(text: string, busy: boolean): void;
}

export type RunResult = { failure: RunFailure | null } | { stopped: true };

const GRACE_MS = 1500;

export class Runner {
  private worker!: Worker;
  private ready!: Promise<void>;
  private shared?: { interrupt: Uint8Array; control: Int32Array; data: Uint8Array };
  private finish?: (result: RunResult) => void;

  constructor(private events: RunnerEvents) {
    this.start();
  }

  private start() {
    const indexURL = new URL(`${import.meta.env.BASE_URL}pyodide/`, location.href).href;
    let init: ToWorker = { type: 'init', indexURL };
    if (globalThis.crossOriginIsolated) {
      const interrupt = new SharedArrayBuffer(1);
      const control = new SharedArrayBuffer(8);
      const data = new SharedArrayBuffer(1 << 16);
      this.shared = {
        interrupt: new Uint8Array(interrupt),
        control: new Int32Array(control),
        data: new Uint8Array(data),
      };
      init = { ...init, shared: { interrupt, control, data } };
    }
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.events.status('Loading Python…', true);
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') {
          this.events.status(`Python ${message.version} ready`, false);
          resolve();
        } else if (message.type === 'output') {
          this.events.output(message.stream, message.text);
        } else if (message.type === 'input') {
          this.events.input();
        } else if (message.type === 'done') {
          this.settle({ failure: message.failure });
        } else {
          this.events.status(`Python failed: ${message.message}`, false);
          reject(new Error(message.message));
          this.settle({ failure: null });
        }
      };
    });
    this.worker.postMessage(init);
  }

  private settle(result: RunResult) {
    const finish = this.finish;
    this.finish = undefined;
    finish?.(result);
  }

  get running(): boolean {
    return this.finish !== undefined;
  }

  /** Runs `python` (its lines are the φ lines) and resolves when it ends or is stopped. */
  async run(python: string): Promise<RunResult> {
    await this.ready;
    if (this.shared) Atomics.store(this.shared.interrupt, 0, 0);
    const done = new Promise<RunResult>((resolve) => {
      this.finish = resolve;
    });
    this.events.status('Running…', true);
    this.worker.postMessage({ type: 'run', python } satisfies ToWorker);
    const result = await done;
    this.events.status(outcome(result), false);
    return result;
  }

  /** Answers the pending input() with one line. */
  answer(line: string) {
    if (!this.shared) return;
    const bytes = new TextEncoder().encode(line).slice(0, this.shared.data.length);
    this.shared.data.set(bytes);
    Atomics.store(this.shared.control, 1, bytes.length);
    Atomics.store(this.shared.control, 0, INPUT_ANSWERED);
    Atomics.notify(this.shared.control, 0);
  }

  /** Stops the running program: KeyboardInterrupt, then termination if it lingers. */
  stop() {
    if (!this.running) return;
    if (this.shared) {
      Atomics.store(this.shared.interrupt, 0, 2); // SIGINT
      Atomics.store(this.shared.control, 0, INPUT_CANCELLED);
      Atomics.notify(this.shared.control, 0);
    }
    const pending = this.finish;
    setTimeout(
      () => {
        if (this.finish !== pending || !pending) return;
        this.worker.terminate();
        this.settle({ stopped: true });
        this.start();
      },
      this.shared ? GRACE_MS : 0,
    );
  }
}

/** Whether the run was stopped: by Stop's KeyboardInterrupt, or by ending the worker. */
export function wasStopped(result: RunResult): boolean {
  return 'stopped' in result || result.failure?.type === 'KeyboardInterrupt';
}

/** How a run ended, for the status line: stopped, failed with its exception, or finished. */
function outcome(result: RunResult): string {
  if (wasStopped(result)) return 'Stopped';
  return 'failure' in result && result.failure ? `Finished: ${result.failure.type}` : 'Finished';
}
