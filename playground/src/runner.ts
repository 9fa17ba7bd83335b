// The page's side of the Python worker: start it, run a program, pump its output, answer
// input(), check syntax, and Stop. Stop first raises KeyboardInterrupt through the interrupt
// buffer; if the program has not ended a moment later (or the page is not cross-origin
// isolated), the worker is terminated and a fresh one started, so Stop always stops. A run
// asked for while Python loads waits for it, and Stop cancels it there too.
import {
  INPUT_ANSWERED,
  INPUT_CANCELLED,
  type FromWorker,
  type Outcome,
  type SyntaxProblem,
  type ToWorker,
} from './protocol';
import { OutputPump } from './pump';
import { ringBuffers } from './ring';

export interface RunnerEvents {
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** The program waits in input(); call `answer()` (or Stop). */
  input(): void;
  status(text: string, busy: boolean): void;
}

const GRACE_MS = 1500;

export class Runner {
  private worker!: Worker;
  private ready!: Promise<boolean>;
  private loading = false;
  private shared?: { interrupt: Uint8Array; control: Int32Array; data: Uint8Array; pump: OutputPump };
  private finish?: (outcome: Outcome) => void;
  private checks = new Map<number, (problem: SyntaxProblem | null) => void>();
  private nextCheck = 0;
  private stopAsked?: (outcome: Outcome) => void;

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
      const ring = ringBuffers();
      this.shared = {
        interrupt: new Uint8Array(interrupt),
        control: new Int32Array(control),
        data: new Uint8Array(data),
        pump: new OutputPump(ring, (stream, text) => this.events.output(stream, text)),
      };
      init = { ...init, shared: { interrupt, control, data, ring } };
    }
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.loading = true;
    this.events.status('Loading Python…', true);
    this.ready = new Promise((resolve) => {
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data, resolve);
    });
    this.worker.postMessage(init);
  }

  private receive(message: FromWorker, ready: (ok: boolean) => void) {
    if (message.type === 'ready') {
      this.loading = false;
      if (!this.running) this.events.status(`Python ${message.version} ready`, false);
      ready(true);
    } else if (message.type === 'output') {
      this.events.output(message.stream, message.text);
    } else if (message.type === 'input') {
      this.shared?.pump.drain();
      this.events.input();
    } else if (message.type === 'done') {
      this.shared?.pump.drain();
      this.settle(message.outcome);
    } else if (message.type === 'checked') {
      this.checks.get(message.id)?.(message.problem);
      this.checks.delete(message.id);
    } else {
      this.loading = false;
      this.events.status(`Python failed: ${message.message}`, false);
      ready(false);
      // A run waiting on it (or in it) ends with the reason, not as if it had finished.
      this.settle({ failure: { type: 'Error', message: `Python failed: ${message.message}`, frames: [], syntax: null } });
    }
  }

  private settle(outcome: Outcome) {
    const finish = this.finish;
    this.finish = undefined;
    finish?.(outcome);
  }

  get running(): boolean {
    return this.finish !== undefined;
  }

  /** Runs `python` (its lines are the φ lines) and resolves when it ends or is stopped. */
  async run(python: string): Promise<Outcome> {
    const done = new Promise<Outcome>((resolve) => {
      this.finish = resolve;
    });
    const pending = this.finish;
    if (this.loading) this.events.status('Waiting for Python to load…', true);
    void this.ready.then((ok) => {
      if (!ok || this.finish !== pending) return; // failed to load, or stopped while waiting
      if (this.shared) Atomics.store(this.shared.interrupt, 0, 0);
      this.events.status('Running…', true);
      this.worker.postMessage({ type: 'run', python } satisfies ToWorker);
      this.shared?.pump.start(() => this.running);
    });
    let outcome = await done;
    // Stopped during input() or in the runner's own code: whatever came back, a stop.
    if (this.stopAsked === pending) outcome = { stopped: true };
    this.events.status(this.describe(outcome), this.loading);
    return outcome;
  }

  /** The status after a run: how it ended, and that Python reloads after a forced stop. */
  private describe(outcome: Outcome): string {
    const ended = wasStopped(outcome)
      ? 'Stopped'
      : outcome.failure
        ? `Finished: ${outcome.failure.type}`
        : outcome.exit !== undefined
          ? `Exited with status ${outcome.exit}`
          : 'Finished';
    return this.loading ? `${ended} · loading Python…` : ended;
  }

  /** The first syntax error of `python`, or null; undefined when Python is busy or loading. */
  check(python: string): Promise<SyntaxProblem | null | undefined> {
    if (this.loading || this.running) return Promise.resolve(undefined);
    const id = this.nextCheck++;
    return new Promise((resolve) => {
      this.checks.set(id, resolve);
      this.worker.postMessage({ type: 'check', id, python } satisfies ToWorker);
    });
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
    const pending = this.finish;
    this.stopAsked = pending;
    if (this.loading) {
      // Not started yet: it never will be.
      this.settle({ stopped: true });
      return;
    }
    this.events.status('Stopping…', true);
    if (this.shared) {
      Atomics.store(this.shared.interrupt, 0, 2); // SIGINT
      Atomics.store(this.shared.control, 0, INPUT_CANCELLED);
      Atomics.notify(this.shared.control, 0);
    }
    setTimeout(
      () => {
        if (this.finish !== pending || !pending) return;
        this.worker.terminate();
        for (const resolve of this.checks.values()) resolve(undefined as unknown as null);
        this.checks.clear();
        this.start();
        this.settle({ stopped: true });
      },
      this.shared ? GRACE_MS : 0,
    );
  }
}

/** Whether the run was stopped: by Stop's KeyboardInterrupt, or by ending the worker. */
export function wasStopped(outcome: Outcome): boolean {
  return Boolean(outcome.stopped) || outcome.failure?.type === 'KeyboardInterrupt';
}
