// The output pane: the program's stdout and stderr as they stream in, the answers typed to
// input(), and the line where input() is answered.
const LIMIT = 200_000;

export class Output {
  private answer?: (line: string) => void;

  constructor(
    private pane: HTMLElement,
    private form: HTMLFormElement,
    private field: HTMLInputElement,
  ) {
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
    this.pane.replaceChildren();
    this.closeInput();
  }

  /** Appends text of one stream (`stdout`, `stderr`, `stdin` echo or `note`). */
  append(stream: string, text: string) {
    const last = this.pane.lastElementChild as HTMLElement | null;
    if (last?.dataset.stream === stream) last.textContent += text;
    else {
      const span = document.createElement('span');
      span.dataset.stream = stream;
      span.className = stream;
      span.textContent = text;
      this.pane.append(span);
    }
    // A printing loop must not grow the page without bound: keep the tail.
    while ((this.pane.textContent?.length ?? 0) > LIMIT && this.pane.firstChild) {
      this.pane.firstChild.remove();
    }
    this.pane.scrollTop = this.pane.scrollHeight;
  }

  /** Shows the input line; `answer` receives what the user types. */
  askInput(answer: (line: string) => void) {
    this.answer = answer;
    this.form.hidden = false;
    this.field.focus();
  }

  closeInput() {
    this.answer = undefined;
    this.form.hidden = true;
  }
}
