// Running the program: Run (or Ctrl+Enter anywhere, the editors included, where it inserts
// nothing), Stop (usable from the moment Run is pressed, even while Python still loads),
// where the program runs (Pyodide here, or a phicode server), and how the run ended shown in
// the output: traceback on φ lines, `[stopped]`, an exit status, or the last value.
import type { Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import type { Conversion } from 'phicode';
import { diagnosticAt } from './diagnostics';
import { runKey } from './editors';
import type { Output } from './output';
import { Runner, wasStopped } from './runner';
import { clearResult, showResult } from './result';
import { runOnServer } from './server-run';
import { describeFailure } from './traceback';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export interface RunPage {
  phi: EditorView;
  output: Output;
  refreshPhi(showPython: boolean): Conversion;
  setRuntimeProblem(problem: Diagnostic | undefined): void;
  /** Python is free again (loaded, or a run ended): syntax checks can resume. */
  idle(): void;
}

export function startRuns(page: RunPage) {
  const { output, phi } = page;
  const status = $('status');
  const runner = new Runner({
    output: (stream, text) => output.append(stream, text),
    input: () => output.askInput((line) => runner.answer(line)),
    status(text, busy) {
      status.textContent = text;
      status.classList.toggle('busy', busy);
      if (/ready$/.test(text)) page.idle();
    },
  });

  const engine = $<HTMLSelectElement>('engine');
  const serverURL = $<HTMLInputElement>('server-url');
  engine.value = localStorage.getItem('phicode-engine') === 'server' ? 'server' : 'browser';
  serverURL.value = localStorage.getItem('phicode-server') ?? serverURL.value;
  serverURL.hidden = engine.value !== 'server';
  engine.addEventListener('change', () => {
    serverURL.hidden = engine.value !== 'server';
    localStorage.setItem('phicode-engine', engine.value);
  });
  serverURL.addEventListener('change', () => localStorage.setItem('phicode-server', serverURL.value));

  async function run() {
    if (runner.running) return;
    const source = phi.state.doc.toString();
    const conversion = page.refreshPhi(false);
    output.clear();
    clearResult($('result'));
    page.setRuntimeProblem(undefined);
    $<HTMLButtonElement>('run').disabled = true;
    // The output is below the editors (far below on a phone): bring it into view.
    $('output-pane').scrollIntoView({ block: 'nearest' });
    try {
      if (engine.value === 'server') {
        // The server's time limit stops a runaway program; Stop is for browser runs.
        await runOnServer(serverURL.value, conversion.code, output, status);
        return;
      }
      $<HTMLButtonElement>('stop').disabled = false;
      const outcome = await runner.run(conversion.code);
      output.closeInput();
      if (wasStopped(outcome)) {
        output.note('[stopped]');
      } else if (outcome.exit !== undefined) {
        output.note(`[exited with status ${outcome.exit}]`);
      } else if (outcome.failure) {
        const { text, place } = describeFailure(outcome.failure, source, conversion.sourceMap);
        output.append('stderr', `${text}\n`);
        if (place && phi.state.doc.toString() === source) {
          page.setRuntimeProblem(
            diagnosticAt(phi.state.doc, { ...place, message: outcome.failure.message }, 'error', 'Python', place.end),
          );
          page.refreshPhi(false);
        }
      } else if (outcome.result) {
        showResult(outcome.result, output, $('result'));
      }
    } finally {
      output.draw();
      $<HTMLButtonElement>('run').disabled = false;
      $<HTMLButtonElement>('stop').disabled = true;
      // Finished runs, counted for anyone waiting on one (the end-to-end tests).
      document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
      page.idle();
    }
  }

  $('run').addEventListener('click', () => void run());
  $('stop').addEventListener('click', () => runner.stop());
  runKey.run = () => void run();
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && !event.defaultPrevented) {
      event.preventDefault();
      void run();
    }
  });
  return { runner, run };
}
