// The playground page: φ and Python side by side (each converts into the other as it is
// edited), the symbol palette, the dialect panel, Run/Stop with Pyodide, share and examples,
// the work kept in the browser, help and the colour theme.
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorView } from '@codemirror/view';
import { symbols as defaultSymbols, version } from 'phicode';
import { diagnosticAt } from './diagnostics';
import { checkDialect, showDialect } from './dialect-check';
import { byUser, jsonEditor, phiEditor, pythonEditor, setText } from './editors';
import { EXAMPLES } from './examples';
import { helpDialog } from './help';
import { Output } from './output';
import { renderPalette } from './palette';
import { convertPhi, convertPython, currentTable, setDialect } from './phi';
import { startRuns } from './run';
import { readShared, shareURL } from './share';
import { restore, save, type Work } from './storage';
import { setSpans } from './symbol-marks';
import { syntaxMark } from './syntax-check';
import { themeToggle } from './theme';
import './style.css';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const later = (work: () => void) => queueMicrotask(work);
const DEFAULTS = new Set(defaultSymbols().map((e) => e.python));

/** Tells something the user must know about (a damaged link), until dismissed or replaced. */
function notify(text: string | undefined) {
  $('notice').hidden = !text;
  $('notice').textContent = text ?? '';
}

const shared = readShared(location.hash);
const saved = restore();
const initial: Work = shared?.state
  ? { ...shared.state, loaded: shared.state.code }
  : (saved ?? { code: EXAMPLES[0].code, dialect: '', loaded: EXAMPLES[0].code });
let loaded = initial.loaded;
let runtimeProblem: Diagnostic | undefined;
let syntaxProblem: Diagnostic | undefined;

const phi: EditorView = phiEditor($('phi'), initial.code, currentTable, (update) => {
  runtimeProblem = undefined;
  syntaxProblem = undefined;
  refreshPhi(byUser(update));
  checkSoon();
  keep();
});
const py: EditorView = pythonEditor($('python'), (update) => byUser(update) && fromPython());
const dialect: EditorView = jsonEditor($('dialect'), initial.dialect, () => {
  applyDialect();
  keep();
});

/** Converts the φ text: marks its symbols and problems, and (if asked) shows the Python. */
function refreshPhi(showPython: boolean) {
  const { conversion, spans } = convertPhi(phi.state.doc.toString());
  later(() => {
    const problems = conversion.diagnostics.map((d) => diagnosticAt(phi.state.doc, d, 'error', 'φ'));
    if (syntaxProblem && !problems.length && !runtimeProblem) problems.push(syntaxProblem);
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
    const marks = problems.map((p) => diagnosticAt(py.state.doc, p, 'error', 'Python → φ'));
    later(() => py.dispatch(setDiagnostics(py.state, marks)));
  }
}

/** Compiles the Python in the worker once typing pauses, and marks a syntax error on φ. */
let checkTimer: ReturnType<typeof setTimeout> | undefined;
function checkSoon() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(async () => {
    const source = phi.state.doc.toString();
    const { conversion, spans } = convertPhi(source);
    const problem = await runs.runner.check(conversion.code);
    if (problem === undefined || phi.state.doc.toString() !== source) return;
    const words = new Set(currentTable().filter((e) => e.origin === 'dialect').map((e) => e.symbol));
    syntaxProblem = problem ? syntaxMark(phi.state.doc, problem, conversion.sourceMap, spans, words) : undefined;
    refreshPhi(false);
  }, 250);
}

function applyDialect() {
  const text = dialect.state.doc.toString();
  showDialect(dialect, setDialect(text), checkDialect(text, DEFAULTS), currentTable());
  renderPalette($('palette'), currentTable(), phi);
  refreshPhi(true);
  checkSoon();
}

const work = (): Work => ({
  code: phi.state.doc.toString(),
  dialect: dialect.state.doc.toString(),
  loaded,
  palette: $<HTMLDetailsElement>('palette-panel').open,
  dialectOpen: $<HTMLDetailsElement>('dialect-panel').open,
  welcome: !$('welcome').hidden,
});
const keep = (now = false) => save(work, now);

const output = new Output($('output'), $('output-notice'), $<HTMLFormElement>('stdin'), $<HTMLInputElement>('stdin-line'));
const runs = startRuns({
  phi,
  output,
  refreshPhi,
  setRuntimeProblem: (problem) => (runtimeProblem = problem),
  idle: () => checkSoon(),
});

function load(code: string, dialectText: string) {
  setText(dialect, dialectText);
  setText(phi, code);
  loaded = code;
  refreshPhi(true);
  keep(true);
}

const examples = $<HTMLSelectElement>('examples');
examples.append(...EXAMPLES.map((e, i) => new Option(e.name, String(i))));
examples.addEventListener('change', () => {
  const example = EXAMPLES[Number(examples.value)];
  examples.value = '';
  if (!example) return;
  const edited = phi.state.doc.toString() !== loaded;
  if (edited && !confirm(`Replace your program with the example “${example.name}”? Your changes will be lost.`)) return;
  load(example.code, example.dialect ?? '');
});
$('share').addEventListener('click', () => {
  const url = shareURL({ code: phi.state.doc.toString(), dialect: dialect.state.doc.toString() });
  history.replaceState(null, '', url);
  navigator.clipboard?.writeText(url).catch(() => {});
  $('status').textContent = 'Link copied';
});
window.addEventListener('hashchange', () => {
  const read = readShared(location.hash);
  if (!read) return;
  notify(read.problem);
  if (read.state) load(read.state.code, read.state.dialect);
});
for (const id of ['palette-panel', 'dialect-panel']) $(id).addEventListener('toggle', () => keep(true));
$('welcome-close').addEventListener('click', () => {
  $('welcome').hidden = true;
  keep(true);
});
$('notice').addEventListener('click', () => notify(undefined));
helpDialog($<HTMLDialogElement>('help'), [$('help-button'), $('welcome-help')], currentTable);
themeToggle($<HTMLButtonElement>('theme'));
$('version').textContent = `phicode ${version()}`;

// Layout: as saved; on a first visit, the palette folded on a phone.
$<HTMLDetailsElement>('palette-panel').open = saved?.palette ?? !matchMedia('(max-width: 700px)').matches;
$('welcome').hidden = saved?.welcome === false;
$<HTMLDetailsElement>('dialect-panel').open = Boolean(initial.dialect) && (shared !== undefined || saved?.dialectOpen !== false);
const isolation = globalThis.crossOriginIsolated
  ? undefined
  : 'This page is served without the cross-origin isolation headers (COOP/COEP): programs run, but input() is not available and Stop restarts Python.';
notify([shared?.problem, isolation].filter(Boolean).join(' ') || undefined);
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  phi.focus();
});
applyDialect();
