// The output as lines, bounded: the last KEEP lines are kept (older ones are only counted,
// for the "not shown" notice), and a line longer than LINE_CHARS keeps its start. Each line
// is a list of pieces, one per stream (a prompt on stdout, then the answer typed).

export const KEEP = 10_000;
export const LINE_CHARS = 4_000;

export interface Piece {
  stream: string;
  text: string;
}

export class Lines {
  /** Kept lines; `rows[first]` is the oldest shown. The last one is still open. */
  private rows: Piece[][] = [[]];
  private first = 0;
  /** Lines printed and no longer kept. */
  dropped = 0;
  /** Characters cut from over-long lines. */
  cut = 0;

  get count(): number {
    return this.rows.length - this.first;
  }

  /** Line `i` of the kept ones (0 = oldest kept). */
  line(i: number): Piece[] {
    return this.rows[this.first + i] ?? [];
  }

  /** Whether the last line holds nothing (the output ends with a newline, or is empty). */
  get endsClean(): boolean {
    return this.line(this.count - 1).length === 0;
  }

  clear() {
    this.rows = [[]];
    this.first = 0;
    this.dropped = 0;
    this.cut = 0;
  }

  append(stream: string, text: string) {
    const parts = text.split('\n');
    let from = 1;
    const skipped = parts.length - 1 - (KEEP + 1);
    if (skipped > 0) {
      // More new lines than are kept: the rows now kept, and the first new ones, are
      // dropped unseen.
      this.dropped += this.count + skipped;
      this.rows = [];
      this.first = 0;
      from += skipped;
    } else if (parts[0]) this.add(this.rows[this.rows.length - 1], stream, parts[0]);
    const { rows } = this;
    for (let i = from; i < parts.length; i++) {
      const part = parts[i];
      // The common case, a short line of one stream, without add()'s bookkeeping.
      if (!part) rows.push([]);
      else if (part.length <= LINE_CHARS) rows.push([{ stream, text: part }]);
      else {
        rows.push([]);
        this.add(rows[rows.length - 1], stream, part);
      }
    }
    const over = this.count - 1 - KEEP; // the open last line aside
    if (over > 0) {
      this.first += over;
      this.dropped += over;
      // Forget the dropped rows now and then, not on every append.
      if (this.first > KEEP) {
        this.rows = this.rows.slice(this.first);
        this.first = 0;
      }
    }
  }

  private add(line: Piece[], stream: string, text: string) {
    const length = line.reduce((n, piece) => n + piece.text.length, 0);
    const room = LINE_CHARS - length;
    if (room <= 0) {
      this.cut += text.length;
      return;
    }
    if (text.length > room) {
      this.cut += text.length - room;
      text = text.slice(0, room);
    }
    const last = line[line.length - 1];
    if (last?.stream === stream) last.text += text;
    else line.push({ stream, text });
  }

  /** All kept text (for tests and copying). */
  text(): string {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.line(i).map((p) => p.text).join(''));
    return out.join('\n');
  }
}
