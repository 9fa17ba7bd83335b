// The playground page: φ and Python side by side (each converts into the other as it is
// edited), the symbol palette, the dialect panel, Run/Stop with Pyodide, share and examples.
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { version } from 'phicode';
import { diagnosticAt } from './diagnostics';
import { byUser, jsonEditor, phiEditor, pythonEditor, setText } from './editors';
import { EXAMPLES } from './examples';
import { Output } from './output';
import { renderPalette } from './palette';
import { convertPhi, convertPython, currentTable, setDialect } from './phi';
import { Runner, wasStopped } from './runner';
import { runOnServer } from './server-run';
import { readShared, shareURL } from './share';
import { setSpans } from './symbol-marks';
import { describeFailure } from './traceback';
import './style.css';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const later = (work: () => void) => queueMicrotask(work);
const initial = readShared(location.hash) ?? { code: EXAMPLES[0].code, dialect: '' };
let runtimeProblem: Diagnostic | undefined;

const phi: EditorView = phiEditor($('phi'), initial.code, currentTable, (update) => {
  runtimeProblem = undefined;
  refreshPhi(byUser(update));
});
const py: EditorView = pythonEditor($('python'), (update) => byUser(update) && fromPython());
const dialect: EditorView = jsonEditor($('dialect'), initial.dialect, () => applyDialect());

/** Converts the φ text: marks its symbols and problems, and (if asked) shows the Python. */
function refreshPhi(showPython: boolean) {
  const { conversion, spans } = convertPhi(phi.state.doc.toString());
  later(() => {
    const problems = conversion.diagnostics.map((d) => diagnosticAt(phi.state.doc, d, 'error', 'φ'));
    if (runtimeProblem) problems.push(runtimeProblem);
    phi.dispatch({ effects: setSpans.of(spans) }, setDiagnostics(phi.state, problems));
  });
  if (showPython) {
    setText(py, conversion.code);
    later(() => py.dispatch(setDiagnostics(py.state, [])));
  }
  return conversion;
}

/** The reverse direction: edited Python becomes φ, or its round-trip problems are marked. */
function fromPython() {
  const result = convertPython(py.state.doc.toString());
  if ('code' in result) {
    setText(phi, result.code);
    later(() => py.dispatch(setDiagnostics(py.state, [])));
  } else {
    const problems = result.problems ?? [result as { line: number; column: number; message: string }];
    later(() =>
      py.dispatch(
        setDiagnostics(
          py.state,
          problems.map((p) => diagnosticAt(py.state.doc, p, 'error', 'Python → φ')),
        ),
      ),
    );
  }
}

function applyDialect() {
  const report = setDialect(dialect.state.doc.toString());
  const issues = report?.issues ?? [];
  later(() =>
    dialect.dispatch(
      setDiagnostics(
        dialect.state,
        issues.map((i) => diagnosticAt(dialect.state.doc, i, i.kind === 'json' ? 'error' : 'warning', 'dialect')),
      ),
    ),
  );
  $('dialect-issues').replaceChildren(
    ...issues.map((issue) => {
      const item = document.createElement('li');
      item.textContent = `${issue.line}:${issue.column} ${issue.message}`;
      item.className = issue.kind === 'json' ? 'error' : 'warning';
      return item;
    }),
  );
  const added = currentTable().filter((e) => e.origin === 'dialect').length;
  $('dialect-summary').textContent = report
    ? `${added} word${added === 1 ? '' : 's'}, ${issues.length} issue${issues.length === 1 ? '' : 's'}`
    : 'none';
  renderPalette($('palette'), currentTable(), phi);
  refreshPhi(true);
}

const output = new Output($('output'), $<HTMLFormElement>('stdin'), $<HTMLInputElement>('stdin-line'));
const runner = new Runner({
  output: (stream, text) => output.append(stream, text),
  input: () => output.askInput((line) => runner.answer(line)),
  status(text, busy) {
    $('status').textContent = text;
    $('status').classList.toggle('busy', busy);
  },
});

async function run() {
  if (runner.running) return;
  const source = phi.state.doc.toString();
  const conversion = refreshPhi(false);
  output.clear();
  runtimeProblem = undefined;
  $<HTMLButtonElement>('run').disabled = true;
  try {
    if (engine.value === 'server') {
      // The server's time limit stops a runaway program; Stop is for browser runs.
      await runOnServer(serverURL.value, conversion.code, output, $('status'));
      return;
    }
    $<HTMLButtonElement>('stop').disabled = false;
    const result = await runner.run(conversion.code);
    output.closeInput();
    if (wasStopped(result)) {
      output.append('note', '\n[stopped]\n');
    } else if ('failure' in result && result.failure) {
      const { text, place } = describeFailure(result.failure, source, conversion.sourceMap);
      output.append('stderr', `${text}\n`);
      if (place && phi.state.doc.toString() === source) {
        runtimeProblem = diagnosticAt(
          phi.state.doc,
          { ...place, message: result.failure.message },
          'error',
          'Python',
          place.end,
        );
        refreshPhi(false);
      }
    }
  } finally {
    $<HTMLButtonElement>('run').disabled = false;
    $<HTMLButtonElement>('stop').disabled = true;
    // Finished runs, counted for anyone waiting on one (the end-to-end tests).
    document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  }
}

function load(code: string, dialectText: string) {
  setText(dialect, dialectText);
  setText(phi, code);
  refreshPhi(true);
}

// Where programs run: Pyodide here (the default), or `phicode serve`'s POST /execute.
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

const examples = $<HTMLSelectElement>('examples');
examples.append(...EXAMPLES.map((e, i) => new Option(e.name, String(i))));
examples.addEventListener('change', () => {
  const example = EXAMPLES[Number(examples.value)];
  if (example) load(example.code, example.dialect ?? '');
});
$('run').addEventListener('click', run);
$('stop').addEventListener('click', () => runner.stop());
$('share').addEventListener('click', () => {
  const url = shareURL({ code: phi.state.doc.toString(), dialect: dialect.state.doc.toString() });
  history.replaceState(null, '', url);
  navigator.clipboard?.writeText(url).catch(() => {});
  $('status').textContent = 'Link copied';
});
window.addEventListener('hashchange', () => {
  const shared = readShared(location.hash);
  if (shared) load(shared.code, shared.dialect);
});
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    void run();
  }
});
$('version').textContent = `phicode ${version()}`;
if (initial.dialect) ($<HTMLDetailsElement>('dialect-panel')).open = true;
applyDialect();
