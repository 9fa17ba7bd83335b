// The output pane: the program's stdout and stderr, the answers typed to input(), notes.
// Lines are kept in a bounded model (output-lines.ts) and drawn virtualised: only the rows
// in view are in the page, redrawn at most once a frame, so a million printed lines cost
// the page no more than a screenful. A notice says how many lines are not shown.
import { KEEP, Lines } from './output-lines';

const ROW = 20; // px: every row has this height (lines do not wrap; the pane scrolls sideways)
const OVERSCAN = 40;

export class Output {
  readonly lines = new Lines();
  private answer?: (line: string) => void;
  private window: HTMLElement;
  private spacer: HTMLElement;
  private queued = false;
  private stick = true;

  constructor(
    private pane: HTMLElement,
    private notice: HTMLElement,
    private form: HTMLFormElement,
    private field: HTMLInputElement,
  ) {
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    this.window = document.createElement('div');
    this.window.className = 'rows';
    this.spacer.append(this.window);
    pane.replaceChildren(this.spacer);
    pane.addEventListener('scroll', () => {
      this.stick = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - ROW;
      this.schedule();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const line = field.value;
      field.value = '';
      this.append('stdin', `${line}\n`);
      const answer = this.answer;
      this.closeInput();
      answer?.(line);
    });
  }

  clear() {
    this.lines.clear();
    this.stick = true;
    this.closeInput();
    this.draw();
  }

  /** Appends text of one stream (`stdout`, `stderr`, `stdin` echo, `result` or `note`). */
  append(stream: string, text: string) {
    this.lines.append(stream, text);
    this.schedule();
  }

  /** Starts a note on a line of its own. */
  note(text: string) {
    this.append('note', `${this.lines.endsClean ? '' : '\n'}${text}\n`);
  }

  private schedule() {
    if (this.queued) return;
    this.queued = true;
    requestAnimationFrame(() => this.draw());
  }

  /** Draws the rows in view now (also called by tests through the page's state). */
  draw() {
    this.queued = false;
    const { lines, pane } = this;
    // The open last line is shown only when it holds something.
    const count = lines.count - (lines.endsClean ? 1 : 0);
    this.spacer.style.height = `${count * ROW}px`;
    if (this.stick) pane.scrollTop = pane.scrollHeight;
    const top = Math.max(0, Math.floor(pane.scrollTop / ROW) - OVERSCAN);
    const bottom = Math.min(count, Math.ceil((pane.scrollTop + pane.clientHeight) / ROW) + OVERSCAN);
    const rows: HTMLElement[] = [];
    for (let i = top; i < bottom; i++) {
      const row = document.createElement('div');
      row.className = 'row';
      const pieces = lines.line(i);
      pieces.forEach((piece, k) => {
        const span = document.createElement('span');
        span.className = piece.stream;
        // The newline keeps the pane's text the program's text (select, copy, tests).
        span.textContent = piece.text + (k === pieces.length - 1 && i < lines.count - 1 ? '\n' : '');
        row.append(span);
      });
      if (!pieces.length) row.textContent = '\n';
      rows.push(row);
    }
    this.window.style.transform = `translateY(${top * ROW}px)`;
    this.window.replaceChildren(...rows);
    this.showNotice();
  }

  private showNotice() {
    const { dropped, cut } = this.lines;
    const parts: string[] = [];
    if (dropped) {
      parts.push(`${dropped.toLocaleString('en')} earlier line${dropped === 1 ? '' : 's'} not shown (the last ${KEEP.toLocaleString('en')} are kept)`);
    }
    if (cut) parts.push(`${cut.toLocaleString('en')} characters of over-long lines not shown`);
    this.notice.hidden = parts.length === 0;
    this.notice.textContent = parts.join('; ');
  }

  /** Shows the input line; `answer` receives what the user types. */
  askInput(answer: (line: string) => void) {
    this.answer = answer;
    this.form.hidden = false;
    this.field.focus();
    this.form.scrollIntoView({ block: 'nearest' }); // the whole line, Send included

  }

  closeInput() {
    this.answer = undefined;
    this.form.hidden = true;
  }
}
