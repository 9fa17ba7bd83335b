// Messages between the page and the Python worker.

/** One traceback frame; `column`/`end` are 1-based Python character columns (main.φ only). */
export interface Frame {
  file: string;
  line: number;
  name: string;
  column: number | null;
  end: number | null;
  /** Source text for frames outside the program (the standard library). */
  text: string | null;
}

export interface RunFailure {
  type: string;
  message: string;
  frames: Frame[];
  syntax: { line: number; column: number; end: number | null } | null;
}

export type ToWorker =
  | {
      type: 'init';
      indexURL: string;
      /** Present when the page is cross-origin isolated (SharedArrayBuffer available). */
      shared?: { interrupt: SharedArrayBuffer; control: SharedArrayBuffer; data: SharedArrayBuffer };
    }
  | { type: 'run'; python: string };

export type FromWorker =
  | { type: 'ready'; version: string }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'input' }
  | { type: 'done'; failure: RunFailure | null }
  | { type: 'fatal'; message: string };

/** Input handshake, as Int32 slots of `control`: state, then answer length in bytes. */
export const INPUT_WAITING = 0;
export const INPUT_ANSWERED = 1;
export const INPUT_CANCELLED = 2;
