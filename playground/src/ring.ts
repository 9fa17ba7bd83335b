// The program's output on its way from the worker to the page, through shared memory: a
// ring of records (stream, length, bytes). The worker never posts a message per write (a
// printing loop would flood the page, Stop included), and the page reads at its own pace:
// whatever the worker wrote is there to read even while Python computes without writing.
// When the ring is full the worker waits for the page, so output can never outrun it.

export type Stream = 'stdout' | 'stderr';
const STREAMS: Stream[] = ['stdout', 'stderr'];
const HEAD = 5; // stream byte + 32-bit length
export const RING_BYTES = 1 << 18;

/** The shared buffers: counters (bytes written, bytes read; both wrap) and the data. */
export interface RingBuffers {
  counters: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

export function ringBuffers(): RingBuffers {
  return { counters: new SharedArrayBuffer(8), data: new SharedArrayBuffer(RING_BYTES) };
}

const WRITTEN = 0;
const READ = 1;

/** The worker's end. `stopped()` tells a waiting write to give up (Stop was pressed). */
export class RingWriter {
  private counters: Int32Array;
  private data: Uint8Array;

  constructor(buffers: RingBuffers, private stopped: () => boolean) {
    this.counters = new Int32Array(buffers.counters);
    this.data = new Uint8Array(buffers.data);
  }

  write(stream: Stream, bytes: Uint8Array) {
    const most = RING_BYTES / 4;
    for (let at = 0; at < bytes.length; at += most) {
      if (!this.record(stream, bytes.subarray(at, at + most))) return;
    }
  }

  private record(stream: Stream, bytes: Uint8Array): boolean {
    const size = HEAD + bytes.length;
    let written = Atomics.load(this.counters, WRITTEN);
    for (;;) {
      const read = Atomics.load(this.counters, READ);
      if (RING_BYTES - ((written - read) | 0) >= size) break;
      if (this.stopped()) return false;
      Atomics.wait(this.counters, READ, read, 50);
    }
    const head = new Uint8Array(HEAD);
    head[0] = STREAMS.indexOf(stream);
    new DataView(head.buffer).setUint32(1, bytes.length, true);
    this.copyIn(written, head);
    this.copyIn(written + HEAD, bytes);
    written = (written + size) | 0;
    Atomics.store(this.counters, WRITTEN, written);
    return true;
  }

  private copyIn(at: number, bytes: Uint8Array) {
    const start = at & (RING_BYTES - 1);
    const first = Math.min(bytes.length, RING_BYTES - start);
    this.data.set(bytes.subarray(0, first), start);
    this.data.set(bytes.subarray(first), 0);
  }
}

/** The page's end: reads whole records, up to a byte budget per call. */
export class RingReader {
  private counters: Int32Array;
  private data: Uint8Array;
  private decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  constructor(buffers: RingBuffers) {
    this.counters = new Int32Array(buffers.counters);
    this.data = new Uint8Array(buffers.data);
  }

  /** Calls `take` with the text of each record read, until `until` (a performance.now()
   * time) has passed; returns whether more is waiting. */
  read(until: number, take: (stream: Stream, text: string) => void): boolean {
    const written = Atomics.load(this.counters, WRITTEN);
    let read = Atomics.load(this.counters, READ);
    while (read !== written && performance.now() < until) {
      const head = this.copyOut(read, HEAD);
      const stream = STREAMS[head[0]] ?? 'stdout';
      const length = new DataView(head.buffer).getUint32(1, true);
      const bytes = this.copyOut(read + HEAD, length);
      take(stream, this.decoders[stream].decode(bytes, { stream: true }));
      read = (read + HEAD + length) | 0;
    }
    Atomics.store(this.counters, READ, read);
    Atomics.notify(this.counters, READ);
    return read !== written;
  }

  private copyOut(at: number, length: number): Uint8Array {
    const start = at & (RING_BYTES - 1);
    const first = Math.min(length, RING_BYTES - start);
    const out = new Uint8Array(length);
    out.set(this.data.subarray(start, start + first));
    out.set(this.data.subarray(0, length - first), first);
    return out;
  }
}
