/**
 * A one-way channel of texts between two threads in shared memory: the runtime puts its calls in it and the
 * handler's worker reads them (workerSource.ts runs callRingReader's source).
 *
 * The layout: a ring of bytes, where each text is its UTF-8 length (4 bytes, little-endian) then its bytes,
 * padded to 4; a length of -1 says the rest of the ring is unused, go on from its start. Three shared 32-bit
 * words: how many bytes the writer has written, how many the reader has read (both counts wrap at 2^32, and a
 * count modulo the ring's size is a place in it), and whether the reader sleeps (1) or looks again soon (0).
 *
 * Why not postMessage: each message was serialized, queued under a lock, and woke the worker's loop through
 * its eventfd (a system call) even while the worker was busy and about to look again anyway. Putting a text
 * is one copy into the ring, and the reader is woken (Atomics.notify) only when it said it sleeps.
 */
export const RING_WRITTEN = 0;
export const RING_READ = 1;
export const RING_ASLEEP = 2;

export class CallRing {
  /** [written, read, asleep], shared with the reader. */
  readonly control = new Int32Array(new SharedArrayBuffer(12));
  readonly bytes: Buffer;
  private written: number;

  /**
   * `size`: bytes, a power of two. `origin`: where both counts start (tests start them near 2^31 to see them
   * wrap).
   */
  constructor(
    readonly size = 1 << 18,
    origin = 0,
  ) {
    if (size < 64 || size > 2 ** 30 || (size & (size - 1)) !== 0)
      throw new Error(`a ring's size is a power of two from 64 to 2^30, not ${size}`);
    this.bytes = Buffer.from(new SharedArrayBuffer(size));
    this.written = origin | 0;
    this.control[RING_WRITTEN] = this.control[RING_READ] = this.written;
  }

  /**
   * Copies `text` into the ring; false when it has no room for it now, or it is too long for a ring (over a
   * quarter of it at 3 bytes a UTF-16 code unit): the caller sends it another way.
   */
  put(text: string): boolean {
    const size = this.size;
    const room = 4 + ((text.length * 3 + 3) & ~3);
    if (room > size >>> 2) return false;
    let written = this.written;
    const used = (written - Atomics.load(this.control, RING_READ)) | 0;
    let at = written & (size - 1);
    // A text is never split: when it might not fit before the ring's end, it starts again at 0.
    const skip = at + room > size ? size - at : 0;
    if (used + skip + room > size) return false;
    if (skip !== 0) {
      this.bytes.writeInt32LE(-1, at);
      written = (written + skip) | 0;
      at = 0;
    }
    const length = this.bytes.write(text, at + 4);
    this.bytes.writeInt32LE(length, at);
    this.written = written = (written + 4 + ((length + 3) & ~3)) | 0;
    Atomics.store(this.control, RING_WRITTEN, written);
    return true;
  }

  /** Wakes the reader if it sleeps: call after putting a task's texts. */
  wake(): void {
    if (Atomics.load(this.control, RING_ASLEEP) === 1) {
      Atomics.store(this.control, RING_ASLEEP, 0);
      Atomics.notify(this.control, RING_ASLEEP);
    }
  }
}

/**
 * The reader's side: calls `onText` with each text put in the ring, in order, from now on. After reading, it
 * looks again in the next turn of its loop; when that finds nothing, it says it sleeps and waits
 * (Atomics.waitAsync, which leaves the loop free for the handlers' own work) until the writer wakes it.
 *
 * Self-contained on purpose (workerSource.ts writes its source into the worker's script): it names only its
 * parameters and the language's and Node's globals (Atomics, setImmediate), and the layout is CallRing's.
 */
export function callRingReader(control: Int32Array, bytes: Buffer, onText: (text: string) => void): void {
  const size = bytes.length;
  /** Reads what is there; whether there was anything. */
  function drain(): boolean {
    let read = Atomics.load(control, 1);
    const written = Atomics.load(control, 0);
    if (read === written) return false;
    while (read !== written) {
      const at = read & (size - 1);
      const length = bytes.readInt32LE(at);
      if (length === -1) {
        read = (read + size - at) | 0;
        continue;
      }
      const text = bytes.toString('utf8', at + 4, at + 4 + length);
      // Its room is free again before the text is handled (which may take a while).
      read = (read + 4 + ((length + 3) & ~3)) | 0;
      Atomics.store(control, 1, read);
      onText(text);
    }
    Atomics.store(control, 1, read);
    return true;
  }
  function awake(): void {
    let more = true;
    try {
      more = drain();
    } finally {
      // A text whose handling threw (an uncaught exception the thread may survive) is read: go on after it.
      if (more) setImmediate(awake);
      else sleep();
    }
  }
  function sleep(): void {
    Atomics.store(control, 2, 1);
    // Written between the last look and saying so: the writer saw the reader awake and did not wake it.
    if (Atomics.load(control, 0) !== Atomics.load(control, 1)) {
      Atomics.store(control, 2, 0);
      awake();
      return;
    }
    const wait = Atomics.waitAsync(control, 2, 1);
    if (wait.async) void wait.value.then(awake);
    else awake();
  }
  sleep();
}
