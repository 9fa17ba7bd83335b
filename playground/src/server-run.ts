// Running a program on a `phicode serve` server (POST /execute) instead of in Pyodide: its
// stdout, stderr and traceback go to the output pane, and the status says how it ended.
import type { Output } from './output';

interface ExecuteAnswer {
  success: boolean;
  output?: string;
  stderr?: string;
  error?: string | null;
}

/** Runs `python` (its lines are the φ lines) on the server at `base`. */
export async function runOnServer(base: string, python: string, output: Output, status: HTMLElement) {
  const url = new URL('execute', base.endsWith('/') ? base : `${base}/`);
  status.textContent = `Running on ${url.host}…`;
  status.classList.add('busy');
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: python, type: 'python' }),
    });
    const answer = (await response.json()) as ExecuteAnswer;
    if (answer.output) output.append('stdout', answer.output);
    if (answer.stderr) output.append('stderr', answer.stderr);
    if (answer.error) output.append('stderr', answer.error.endsWith('\n') ? answer.error : `${answer.error}\n`);
    status.textContent = answer.success ? 'Finished (server)' : `Failed (server${response.ok ? '' : ` ${response.status}`})`;
  } catch (error) {
    output.append('stderr', `cannot reach ${url.origin}: ${error}\n`);
    status.textContent = 'Failed (server unreachable)';
  } finally {
    status.classList.remove('busy');
  }
}
