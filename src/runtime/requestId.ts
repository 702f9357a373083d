import { randomUUID } from 'node:crypto';

/** Two lower-case hex digits for every byte. */
const hex2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Request ids: version 4 UUIDs like API Gateway's. One random UUID is drawn every 65,536 ids; the ids in
 * between keep its first 28 characters and count on (modulo 2^32) in the last 8 hex digits from its random
 * value, so they are unique in the process (and as unlikely as random UUIDs to collide with another's) at a
 * fraction of the cost of drawing 122 random bits per request.
 */
export class RequestIds {
  /** How many ids share one random prefix before a fresh one is drawn. */
  static readonly batch = 0x10000;
  private prefix = '';
  private base = 0;
  private used = RequestIds.batch;
  /** The id's first 32 characters (the prefix and the tail's upper 16 bits), and which upper 16 bits they hold. */
  private head = '';
  private headHigh = -1;

  constructor(private readonly uuid: () => string = randomUUID) {}

  next(): string {
    if (this.used === RequestIds.batch) {
      const uuid = this.uuid();
      this.prefix = uuid.slice(0, 28);
      this.base = parseInt(uuid.slice(28), 16);
      this.used = 0;
      this.headHigh = -1;
    }
    // No floating-point remainder and no number-to-hex conversion per id: table look-ups.
    let tail = this.base + this.used++;
    if (tail >= 0x100000000) tail -= 0x100000000;
    const high = tail >>> 16;
    if (high !== this.headHigh) {
      this.headHigh = high;
      this.head = this.prefix + hex2[high >>> 8]! + hex2[high & 0xff]!;
    }
    const low = tail & 0xffff;
    return this.head + hex2[low >>> 8]! + hex2[low & 0xff]!;
  }
}

const ids = new RequestIds();

/** A new request id (see RequestIds). */
export function newRequestId(): string {
  return ids.next();
}
