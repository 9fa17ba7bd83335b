// The page taking the program's output out of the shared ring: a few milliseconds per tick
// while the program runs (so a keystroke or Stop always gets through), and all of it at
// once when the program waits for input() or has ended.
import { RingReader, type RingBuffers, type Stream } from './ring';

/** The page's time spent taking output per tick, in milliseconds. */
const TICK_MS = 6;

export class OutputPump {
  private reader: RingReader;
  private pumping = false;

  constructor(
    buffers: RingBuffers,
    private take: (stream: Stream, text: string) => void,
  ) {
    this.reader = new RingReader(buffers);
  }

  /** Takes everything, joined by stream: a backlog of many lines is then one append,
   * which keeps only its tail. */
  drain() {
    let stream: Stream | undefined;
    let texts: string[] = [];
    const flush = () => stream && texts.length && this.take(stream, texts.join(''));
    while (
      this.reader.read(Infinity, (next, text) => {
        if (next !== stream) {
          flush();
          stream = next;
          texts = [];
        }
        texts.push(text);
      })
    );
    flush();
  }

  /** Takes output a tick at a time for as long as `running()` says. */
  start(running: () => boolean) {
    if (this.pumping) return;
    this.pumping = true;
    const tick = () => {
      this.reader.read(performance.now() + TICK_MS, this.take);
      if (running()) setTimeout(tick, 4);
      else this.pumping = false;
    };
    tick();
  }
}
