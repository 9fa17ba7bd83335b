// Messages between the page and the Python worker.
import type { RingBuffers } from './ring';

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

/** The program's last bare expression: its repr, and rich forms it gave (base64 for png). */
export interface Display {
  text: string;
  html?: string;
  svg?: string;
  png?: string;
}

/** How a run ended: failed, exited with a status, stopped, or finished (maybe with a value). */
export interface Outcome {
  failure?: RunFailure;
  exit?: number;
  result?: Display;
  stopped?: true;
}

/** A syntax error of the Python, at Python character columns (1-based). */
export interface SyntaxProblem {
  line: number;
  column: number;
  end: number | null;
  message: string;
}

export type ToWorker =
  | {
      type: 'init';
      indexURL: string;
      /** Present when the page is cross-origin isolated (SharedArrayBuffer available). */
      shared?: {
        interrupt: SharedArrayBuffer;
        control: SharedArrayBuffer;
        data: SharedArrayBuffer;
        ring: RingBuffers;
      };
    }
  | { type: 'run'; python: string }
  | { type: 'check'; id: number; python: string };

export type FromWorker =
  | { type: 'ready'; version: string }
  /** Output when there is no shared ring (a page that is not cross-origin isolated). */
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'input' }
  | { type: 'done'; outcome: Outcome }
  | { type: 'checked'; id: number; problem: SyntaxProblem | null }
  | { type: 'fatal'; message: string };

/** Input handshake, as Int32 slots of `control`: state, then answer length in bytes. */
export const INPUT_WAITING = 0;
export const INPUT_ANSWERED = 1;
export const INPUT_CANCELLED = 2;
